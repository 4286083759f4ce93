import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

type State = 'pending' | 'running' | 'done' | 'dead' | 'superseded';

/** A job as GET /jobs/jobs gives it (src/plugins/jobs/server/src/controllers/jobs.ts). */
interface Job {
  id: number;
  name: string;
  key: string;
  state: State;
  attempts: number;
  createdAt: string;
  runAt: string | null;
  leaseUntil: string | null;
  finishedAt: string | null;
  error: string | null;
}

interface Answer {
  data: Job[];
  meta: { counts: Record<State, number>; pagination: { total: number } };
}

const LABELS: Record<State, string> = { dead: 'Đã bỏ', pending: 'Đang chờ', running: 'Đang chạy', done: 'Xong', superseded: 'Được thay thế' };
const NAMES: Record<string, string> = { 'image-formats': 'Cỡ ảnh, WebP/AVIF' };
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN') : '—');

function when(job: Job): string {
  if (job.state === 'pending') return `chạy lúc ${time(job.runAt)}`;
  if (job.state === 'running') return `giữ đến ${time(job.leaseUntil)}`;
  return time(job.finishedAt);
}

/** Settings → "Việc chạy nền": jobs by state, and "Thử lại" for a job given up. */
export default function JobsPage() {
  const { get, post } = useFetchClient();
  const [state, setState] = React.useState<State>('dead');
  const [answer, setAnswer] = React.useState<Answer | null>(null);
  const [message, setMessage] = React.useState('');
  const load = React.useCallback(async () => setAnswer((await get<Answer>(`/jobs/jobs?state=${state}&pageSize=100`)).data), [get, state]);
  React.useEffect(() => {
    void load();
  }, [load]);

  const retry = async (job: Job) => {
    try {
      await post(`/jobs/jobs/${job.id}/retry`, {});
      setMessage(`Đã đưa việc #${job.id} vào hàng đợi lại.`);
    } catch (error) {
      const e = error as { response?: { data?: { error?: { message?: string } } } };
      setMessage(e.response?.data?.error?.message ?? 'Không thử lại được.');
    }
    await load();
  };

  if (!answer) return <Page.Loading />;
  return (
    <Layouts.Root>
      <Page.Title>Việc chạy nền</Page.Title>
      <Layouts.Header title="Việc chạy nền" subtitle="Việc hệ thống làm sau khi trả lời (cỡ ảnh, WebP/AVIF…): lỗi được thử lại tự động, quá số lần thì bị bỏ và có thể thử lại tại đây." />
      <Layouts.Content>
        <Flex gap={2} wrap="wrap">
          {(Object.keys(LABELS) as State[]).map((s) => (
            <Button key={s} variant={s === state ? 'default' : 'tertiary'} onClick={() => setState(s)}>
              {LABELS[s]} ({answer.meta.counts[s] ?? 0})
            </Button>
          ))}
        </Flex>
        {message ? (
          <Box paddingTop={4}>
            <Typography>{message}</Typography>
          </Box>
        ) : null}
        <Box paddingTop={4}>
          {answer.data.length === 0 ? (
            <Typography>Không có.</Typography>
          ) : (
            <Table colCount={6} rowCount={answer.data.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Việc</Typography></Th>
                  <Th><Typography variant="sigma">Khoá</Typography></Th>
                  <Th><Typography variant="sigma">Số lần chạy</Typography></Th>
                  <Th><Typography variant="sigma">Thời điểm</Typography></Th>
                  <Th><Typography variant="sigma">Lỗi gần nhất</Typography></Th>
                  <Th><Typography variant="sigma">Thao tác</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {answer.data.map((job) => (
                  <Tr key={job.id}>
                    <Td><Typography>{NAMES[job.name] ?? job.name}</Typography></Td>
                    <Td><Typography>{job.key}</Typography></Td>
                    <Td><Typography>{job.attempts}</Typography></Td>
                    <Td><Typography>{when(job)}</Typography></Td>
                    <Td><Typography>{job.error ?? '—'}</Typography></Td>
                    <Td>{job.state === 'dead' ? <Button variant="secondary" onClick={() => void retry(job)}>Thử lại</Button> : null}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
}
