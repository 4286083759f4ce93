import * as React from 'react';
import { Box, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { STAGE_LABELS, type Stage } from '../../plugins/editorial/server/src/utils/review';
import { fetchErrorMessage, time } from '../components/editorial-client';
import { Pager, type Pagination } from '../components/pager';

interface Waiting {
  uid: string;
  documentId: string;
  locale: string | null;
  title: string | null;
  stage: Stage;
  since: string;
  submittedBy: { id: number | null; name: string | null } | null;
}
interface Answer {
  data: Waiting[];
  meta: { pagination: Pagination };
}

const PAGE_SIZE = 25;
/** The stages an editor looks through, the waiting ones first; "Bản nháp" is every untouched draft, so not listed. */
const LISTED: Stage[] = ['submitted', 'returned', 'approved'];

/** The content manager's edit view of a waiting document, in its locale. */
const editPath = (w: Waiting) =>
  `/content-manager/collection-types/${w.uid}/${w.documentId}${w.locale ? `?plugins[i18n][locale]=${encodeURIComponent(w.locale)}` : ''}`;

/** "Chờ duyệt": drafts waiting for an editor, oldest first, each a link to its edit view. */
export default function ReviewQueuePage() {
  const { get } = useFetchClient();
  const [stage, setStage] = React.useState<Stage>('submitted');
  const [page, setPage] = React.useState(1);
  const [answer, setAnswer] = React.useState<Answer | null>(null);
  const [error, setError] = React.useState('');

  React.useEffect(() => {
    let live = true;
    get<Answer>('/editorial/queue', { params: { stage, page: String(page), pageSize: String(PAGE_SIZE) } })
      .then(({ data }) => {
        if (!live) return;
        setAnswer(data);
        setError('');
      })
      .catch((e: unknown) => live && setError(fetchErrorMessage(e, 'Không tải được danh sách chờ duyệt.')));
    return () => {
      live = false;
    };
  }, [get, stage, page]);

  if (!answer && !error) return <Page.Loading />;
  const pagination = answer?.meta.pagination;
  return (
    <Layouts.Root>
      <Page.Title>Chờ duyệt</Page.Title>
      <Layouts.Header title="Chờ duyệt" subtitle="Bài phóng viên đã gửi, cũ nhất trước. Mở một bài để duyệt hoặc trả lại kèm ghi chú." />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" paddingBottom={4}>
          <Field.Root name="stage">
            <Field.Label>Trạng thái</Field.Label>
            <SingleSelect
              value={stage}
              onChange={(value) => {
                setStage(String(value) as Stage);
                setPage(1);
              }}
            >
              {LISTED.map((s) => (
                <SingleSelectOption key={s} value={s}>
                  {STAGE_LABELS[s]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Flex>
        {error ? (
          <Box paddingBottom={4}>
            <Typography textColor="danger600">{error}</Typography>
          </Box>
        ) : null}
        {answer && answer.data.length === 0 ? (
          <Typography>Không có bài nào ở trạng thái "{STAGE_LABELS[stage]}".</Typography>
        ) : answer ? (
          <Table colCount={4} rowCount={answer.data.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">Tiêu đề</Typography></Th>
                <Th><Typography variant="sigma">Ngôn ngữ</Typography></Th>
                <Th><Typography variant="sigma">Người gửi</Typography></Th>
                <Th><Typography variant="sigma">Từ lúc</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {answer.data.map((w) => (
                <Tr key={`${w.uid}-${w.documentId}-${w.locale ?? ''}`}>
                  <Td>
                    <Link to={editPath(w)}>
                      <Typography textColor="primary600">{w.title ?? w.documentId}</Typography>
                    </Link>
                  </Td>
                  <Td><Typography>{w.locale ?? '—'}</Typography></Td>
                  <Td><Typography>{w.submittedBy?.name ?? '—'}</Typography></Td>
                  <Td><Typography>{time(w.since)}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        ) : null}
        <Pager pagination={pagination} unit="bài" onPage={setPage} />
      </Layouts.Content>
    </Layouts.Root>
  );
}
