import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

/** A row as GET /revalidate/deliveries gives it (src/plugins/revalidate/server/src/controllers/deliveries.ts). */
interface Delivery {
  id: number;
  eventId: string;
  receiver: string;
  event: string | null;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  gaveUpAt: string | null;
  nextAttemptAt: string | null;
  status: number | null;
  error: string | null;
  ms: number | null;
}

interface Overview {
  receivers: string[];
  signed: boolean;
  pending: number;
  recent: Delivery[];
  failures: Delivery[];
}

const EVENTS: Record<string, string> = { publish: 'Xuất bản', update: 'Cập nhật', unpublish: 'Gỡ bài', delete: 'Xoá', media: 'Tệp media', test: 'Gửi thử' };
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN') : '—');

function outcome(d: Delivery): string {
  if (d.deliveredAt) return `Đã gửi (${d.status ?? ''}, ${d.ms ?? 0} ms)`;
  if (d.gaveUpAt) return `Bỏ sau 24 giờ: ${d.error ?? ''}`;
  if (d.error) return `Lỗi: ${d.error}; thử lại lúc ${time(d.nextAttemptAt)}`;
  return 'Đang chờ gửi';
}

function Deliveries({ title, rows }: { title: string; rows: Delivery[] }) {
  return (
    <Box paddingTop={6}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Box paddingTop={2}>
          <Typography>Không có.</Typography>
        </Box>
      ) : (
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">Lúc</Typography></Th>
              <Th><Typography variant="sigma">Sự kiện</Typography></Th>
              <Th><Typography variant="sigma">Địa chỉ nhận</Typography></Th>
              <Th><Typography variant="sigma">Số lần gửi</Typography></Th>
              <Th><Typography variant="sigma">Kết quả</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((d) => (
              <Tr key={d.id}>
                <Td><Typography>{time(d.createdAt)}</Typography></Td>
                <Td><Typography>{EVENTS[d.event ?? ''] ?? d.event}</Typography></Td>
                <Td><Typography>{d.receiver}</Typography></Td>
                <Td><Typography>{d.attempts}</Typography></Td>
                <Td><Typography>{outcome(d)}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
}

/** Settings → "Làm mới trang web": receivers, recent deliveries, failures and a test send. */
export default function RevalidatePage() {
  const { get, post } = useFetchClient();
  const [data, setData] = React.useState<Overview | null>(null);
  const [message, setMessage] = React.useState('');
  const [sending, setSending] = React.useState(false);
  const load = React.useCallback(async () => setData((await get<Overview>('/revalidate/deliveries')).data), [get]);
  React.useEffect(() => {
    void load();
  }, [load]);

  const test = async () => {
    setSending(true);
    try {
      const { data: sent } = await post<{ error?: string; deliveries?: Delivery[] }>('/revalidate/test', {});
      setMessage(sent.error ?? (sent.deliveries ?? []).map((d) => `${d.receiver}: ${outcome(d)}`).join(' · '));
      await load();
    } finally {
      setSending(false);
    }
  };

  if (!data) return <Page.Loading />;
  return (
    <Layouts.Root>
      <Page.Title>Làm mới trang web</Page.Title>
      <Layouts.Header
        title="Làm mới trang web"
        subtitle="Sau mỗi thay đổi công khai, API gửi sự kiện có chữ ký tới trang web để làm mới đúng các trang bị ảnh hưởng."
        primaryAction={
          <Button onClick={test} loading={sending} disabled={data.receivers.length === 0}>
            Gửi thử
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="delta" tag="h2">
            Địa chỉ nhận
          </Typography>
          {data.receivers.length === 0 ? (
            <Typography>Chưa có địa chỉ nhận: đặt REVALIDATE_WEBHOOK_URLS và REVALIDATE_WEBHOOK_SECRET rồi khởi động lại.</Typography>
          ) : (
            data.receivers.map((r) => <Typography key={r}>{r}</Typography>)
          )}
          <Typography>{data.signed ? 'Có chữ ký HMAC-SHA256.' : 'Chưa có khoá ký: không gửi.'} Đang chờ gửi: {data.pending}.</Typography>
          {message ? <Typography>{message}</Typography> : null}
        </Flex>
        <Deliveries title="Lỗi gần đây" rows={data.failures} />
        <Deliveries title="Lần gửi gần đây" rows={data.recent} />
      </Layouts.Content>
    </Layouts.Root>
  );
}
