import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField, type Filters } from '@strapi/strapi/admin';
import type { InjectableListViewFilter, ListFieldLayout, ListLayout } from '@strapi/content-manager/strapi-admin';
// Pure data shared with the server (no Node imports): the field, the schema option, the stage names.
import { isStage, LIST_STAGE_FIELD, SCHEMA_OPTION, STAGE_LABELS, STAGES } from '../../plugins/editorial/server/src/utils/review';
import { StageBadge } from './stage-badge';

/**
 * The content manager's list of a type that goes through review (the editorial plugin marks its
 * schema): a "Trạng thái duyệt" column and filter. The server (editorial list-view.ts) gives
 * each row its stage and turns the filter into a condition on its stage table.
 */
const reviewed = (layout: ListLayout): boolean => {
  const option = (layout.options as Record<string, unknown>)[SCHEMA_OPTION];
  return typeof option === 'object' && option !== null && (option as { review?: unknown }).review === true;
};

const LABEL = 'Trạng thái duyệt';

/** Hook `Admin/CM/pages/ListView/inject-column-in-table`. */
export function addStageColumn({ displayedHeaders, layout }: { displayedHeaders: ListFieldLayout[]; layout: ListLayout }) {
  if (!reviewed(layout)) return { displayedHeaders, layout };
  const column: ListFieldLayout = {
    attribute: { type: 'custom' },
    name: LIST_STAGE_FIELD,
    label: LABEL,
    searchable: false,
    sortable: false,
    cellFormatter: (row) => {
      const stage = (row as Record<string, unknown>)[LIST_STAGE_FIELD];
      return isStage(stage) ? <StageBadge stage={stage} /> : '-';
    },
  };
  // Beside the title (the first column), where it is seen without scrolling the table sideways.
  return { displayedHeaders: [...displayedHeaders.slice(0, 1), column, ...displayedHeaders.slice(1)], layout };
}

/**
 * The filter's value picker: the stages by their Vietnamese names. A custom input is also what
 * makes the filter's tag read "Trạng thái duyệt là Chờ duyệt" rather than the stored value.
 */
function StageInput({ name, 'aria-label': label }: Filters.ValueInputProps) {
  const field = useField<string>(name);
  return (
    <SingleSelect aria-label={label} value={field.value} onChange={(value) => field.onChange(name, String(value))}>
      {STAGES.map((stage) => (
        <SingleSelectOption key={stage} value={stage}>
          {STAGE_LABELS[stage]}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
}

/** Hook `Admin/CM/pages/ListView/inject-in-filters`. */
export function addStageFilter({ displayedFilters, layout }: { displayedFilters: InjectableListViewFilter[]; layout: ListLayout }) {
  if (!reviewed(layout)) return { displayedFilters, layout };
  const filter: InjectableListViewFilter = {
    name: LIST_STAGE_FIELD,
    label: LABEL,
    type: 'enumeration',
    input: StageInput,
    options: STAGES.map((stage) => ({ label: STAGE_LABELS[stage], value: stage })),
    operators: [
      { label: 'là', value: '$eq' },
      { label: 'không là', value: '$ne' },
    ],
  };
  return { displayedFilters: [...displayedFilters, filter], layout };
}
