import * as React from 'react';
import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
// Pure data shared with the server (no Node imports): the same Vietnamese names as the CSV export.
import { ACTION_LABELS, actionLabel, actorLabel } from '../../plugins/editorial/server/src/utils/labels';
import type { AuditEntry as Entry } from '../../plugins/editorial/server/src/utils/types';
import { fetchErrorMessage, time } from '../components/editorial-client';
import { Pager, type Pagination } from '../components/pager';

interface Answer {
  data: Entry[];
  meta: { pagination: Pagination };
}

interface Filters {
  action: string;
  actor: string;
  from: Date | undefined;
  to: Date | undefined;
}

const PAGE_SIZE = 25;
const EMPTY: Filters = { action: '', actor: '', from: undefined, to: undefined };

/** A picked day as the API's date filter: the day as shown, in Vietnam (the API reads bare dates so). */
const day = (date: Date | undefined) =>
  date ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}` : '';

const query = (filters: Filters, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(extra);
  if (filters.action) params.set('action', filters.action);
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.from) params.set('from', day(filters.from));
  if (filters.to) params.set('to', day(filters.to));
  return params.toString();
};

/** The target as a reader names it: its title, else its code name, and the locale. */
function target(e: Entry): string {
  const name = e.target.title ?? e.target.documentId ?? '';
  const where = e.target.locale ? ` (${e.target.locale})` : '';
  return name ? `${name}${where}` : '—';
}

/** A day picker in Vietnamese (month and year names from the vi-VN locale). */
function DateField({ name, label, value, onChange }: { name: string; label: string; value: Date | undefined; onChange: (date: Date | undefined) => void }) {
  return (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        locale="vi-VN"
        value={value}
        onChange={onChange}
        onClear={() => onChange(undefined)}
        clearLabel="Xoá ngày"
        monthSelectLabel="Tháng"
        yearSelectLabel="Năm"
      />
    </Field.Root>
  );
}

/** Settings → "Nhật ký hoạt động": who did what, when, from where; filters, pages and a CSV export. */
export default function AuditLogPage() {
  const { get } = useFetchClient();
  const [draft, setDraft] = React.useState<Filters>(EMPTY);
  const [applied, setApplied] = React.useState<Filters>(EMPTY);
  const [page, setPage] = React.useState(1);
  const [answer, setAnswer] = React.useState<Answer | null>(null);
  const [error, setError] = React.useState('');
  const [exporting, setExporting] = React.useState(false);

  React.useEffect(() => {
    let cancelled = false;
    get<Answer>(`/editorial/audit-log?${query(applied, { page: String(page), pageSize: String(PAGE_SIZE) })}`)
      .then(({ data }) => {
        if (cancelled) return;
        setAnswer(data);
        setError('');
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(fetchErrorMessage(e, 'Không tải được nhật ký.'));
      });
    return () => {
      cancelled = true;
    };
  }, [get, applied, page]);

  const search = () => {
    setApplied(draft);
    setPage(1);
  };

  /** The export needs the admin's token: fetched as a file, then handed to the browser to save. */
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { data } = await get<Blob>(`/editorial/audit-log/export.csv?${query(applied)}`, { responseType: 'blob' });
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `nhat-ky-hoat-dong-${day(new Date())}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      setError('Không xuất được tệp CSV.');
    } finally {
      setExporting(false);
    }
  };

  if (!answer && !error) return <Page.Loading />;
  const pagination = answer?.meta.pagination;
  return (
    <Layouts.Root>
      <Page.Title>Nhật ký hoạt động</Page.Title>
      <Layouts.Header
        title="Nhật ký hoạt động"
        subtitle="Ai đã làm gì, lúc nào, từ đâu: đăng nhập, nội dung, tệp media, tài khoản, vai trò, quyền, khoá API, ngôn ngữ và cài đặt. Nhật ký chỉ được ghi thêm, không sửa hay xoá được."
        primaryAction={
          <Button onClick={exportCsv} loading={exporting} variant="secondary">
            Xuất CSV
          </Button>
        }
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <Field.Root name="action">
            <Field.Label>Hành động</Field.Label>
            <SingleSelect
              placeholder="Tất cả"
              value={draft.action || null}
              onChange={(value) => setDraft({ ...draft, action: String(value) })}
              onClear={() => setDraft({ ...draft, action: '' })}
              clearLabel="Bỏ chọn"
            >
              {Object.entries(ACTION_LABELS).map(([code, label]) => (
                <SingleSelectOption key={code} value={code}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="actor" hint="Tên, hoặc mã như admin:5, system:scheduler">
            <Field.Label>Người thực hiện</Field.Label>
            <TextInput value={draft.actor} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, actor: e.target.value })} />
          </Field.Root>
          <DateField name="from" label="Từ ngày" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
          <DateField name="to" label="Đến ngày" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
          <Button onClick={search}>Lọc</Button>
        </Flex>
        {error ? (
          <Box paddingBottom={4}>
            <Typography textColor="danger600">{error}</Typography>
          </Box>
        ) : null}
        {answer && answer.data.length === 0 ? (
          <Typography>Không có mục nào.</Typography>
        ) : answer ? (
          <Table colCount={6} rowCount={answer.data.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">Lúc</Typography></Th>
                <Th><Typography variant="sigma">Hành động</Typography></Th>
                <Th><Typography variant="sigma">Người thực hiện</Typography></Th>
                <Th><Typography variant="sigma">Địa chỉ IP</Typography></Th>
                <Th><Typography variant="sigma">Đối tượng</Typography></Th>
                <Th><Typography variant="sigma">Chi tiết</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {answer.data.map((e) => (
                <Tr key={e.id}>
                  <Td><Typography>{time(e.at)}</Typography></Td>
                  <Td><Typography>{actionLabel(e.action)}</Typography></Td>
                  <Td><Typography>{actorLabel(e.actor)}</Typography></Td>
                  <Td><Typography>{e.ip ?? '—'}</Typography></Td>
                  <Td><Typography>{target(e)}</Typography></Td>
                  <Td><Typography>{e.details ? JSON.stringify(e.details) : ''}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        ) : null}
        <Pager pagination={pagination} unit="mục" onPage={setPage} />
      </Layouts.Content>
    </Layouts.Root>
  );
}
