import { Badge } from '@strapi/design-system';
// Pure data shared with the server (no Node imports): the same Vietnamese stage names.
import { STAGE_LABELS, type Stage } from '../../plugins/editorial/server/src/utils/review';

const COLORS: Record<Stage, { backgroundColor: string; textColor: string }> = {
  draft: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  submitted: { backgroundColor: 'warning100', textColor: 'warning700' },
  approved: { backgroundColor: 'success100', textColor: 'success700' },
  returned: { backgroundColor: 'danger100', textColor: 'danger700' },
};

/** A review stage as the panel and the list show it: its Vietnamese name in its colour. */
export const StageBadge = ({ stage }: { stage: Stage }) => <Badge {...COLORS[stage]}>{STAGE_LABELS[stage]}</Badge>;
