import * as React from 'react';
import { Box, Button, Dialog, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { fetchErrorMessage, time, useEditorialConfig } from './editorial-client';

interface Summary {
  id: number;
  action: string;
  status: string;
  at: string;
  actor: { id: number | null; name: string | null };
}
type Change =
  | { field: string; kind: 'text'; parts: { op: 'equal' | 'insert' | 'delete'; text: string }[] }
  | { field: string; kind: 'relation' | 'media'; added: string[]; removed: string[] }
  | { field: string; kind: 'changed'; before: unknown; after: unknown };
interface Version extends Summary {
  restoredFrom: number | null;
  diff: { previous: number | null; changes: Change[] };
}
interface Missing {
  field: string;
  kind?: string;
  id?: string;
}

const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Lưu',
  publish: 'Xuất bản',
  unpublish: 'Gỡ xuất bản',
  discard: 'Bỏ bản nháp',
  restore: 'Khôi phục',
};
const STATUS_LABELS: Record<string, string> = { draft: 'bản nháp', published: 'đã xuất bản', modified: 'đã sửa sau xuất bản' };
const SHOWN = 8;

/** A value of a changed field as a reader sees it: text as it is, anything else compactly. */
const shown = (value: unknown): string => (value === null || value === undefined || value === '' ? '(trống)' : typeof value === 'string' ? value : JSON.stringify(value));

/** One field's change: words added in green, removed struck through in red; relations and media by id. */
function ChangeView({ change }: { change: Change }) {
  return (
    <Box paddingBottom={3}>
      <Typography variant="sigma" textColor="neutral600">{change.field}</Typography>
      <Box>
        {change.kind === 'text' ? (
          change.parts.map((part, i) =>
            part.op === 'equal' ? (
              <Typography key={i}>{part.text}</Typography>
            ) : part.op === 'insert' ? (
              <Typography key={i} textColor="success700" tag="ins">{part.text}</Typography>
            ) : (
              <Typography key={i} textColor="danger700" tag="del">{part.text}</Typography>
            )
          )
        ) : change.kind === 'changed' ? (
          <Typography>
            <Typography textColor="danger700" tag="del">{shown(change.before)}</Typography> → <Typography textColor="success700">{shown(change.after)}</Typography>
          </Typography>
        ) : (
          <Typography>
            {change.added.length ? <Typography textColor="success700">Thêm: {change.added.join(', ')}. </Typography> : null}
            {change.removed.length ? <Typography textColor="danger700">Bỏ: {change.removed.join(', ')}.</Typography> : null}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

/** The versions of this document in this locale, newest first; a version opens with its changes and "Khôi phục". */
function HistoryBox({ model, documentId, updatedAt }: { model: string; documentId: string; updatedAt: unknown }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;
  const params = locale ? { locale } : {};
  const base = `/editorial/history/${model}/${documentId}`;
  const [versions, setVersions] = React.useState<Summary[] | null>(null);
  const [total, setTotal] = React.useState(0);
  const [error, setError] = React.useState('');
  const [open, setOpen] = React.useState<Version | null>(null);
  const [restoring, setRestoring] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    get<{ data: Summary[]; meta: { pagination: { total: number } } }>(base, { params: { ...params, pageSize: String(SHOWN) } })
      .then(({ data }) => {
        if (!live) return;
        setVersions(data.data);
        setTotal(data.meta.pagination.total);
        setError('');
      })
      .catch((e: unknown) => live && setError(fetchErrorMessage(e, 'Không tải được lịch sử.')));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, locale, updatedAt]);

  async function show(id: number) {
    try {
      const { data } = await get<{ data: Version }>(`${base}/${id}`, { params });
      setOpen(data.data);
    } catch (e) {
      toggleNotification({ type: 'danger', message: fetchErrorMessage(e, 'Không mở được phiên bản.') });
    }
  }

  async function restore(id: number) {
    setRestoring(true);
    try {
      const { data } = await post<{ missing: Missing[] }>(`${base}/${id}/restore`, {}, { params });
      const missing = data.missing.map((m) => m.field).filter((f, i, all) => all.indexOf(f) === i);
      toggleNotification({
        type: missing.length ? 'warning' : 'success',
        message: missing.length
          ? `Đã khôi phục vào bản nháp. Một số mục không còn nên không khôi phục được: ${missing.join(', ')}.`
          : 'Đã khôi phục phiên bản vào bản nháp (chưa xuất bản).',
      });
      // The form holds the draft as it was loaded: show the restored one.
      window.location.reload();
    } catch (e) {
      toggleNotification({ type: 'danger', message: fetchErrorMessage(e, 'Không khôi phục được phiên bản.') });
      setRestoring(false);
    }
  }

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!versions) return <Typography textColor="neutral600">Đang tải…</Typography>;
  if (!versions.length) return <Typography variant="pi" textColor="neutral600">Chưa có phiên bản nào.</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" role="region" aria-label="Lịch sử phiên bản">
      {versions.map((v) => (
        <Button key={v.id} variant="tertiary" fullWidth onClick={() => show(v.id)} style={{ justifyContent: 'flex-start', textAlign: 'left' }}>
          {ACTION_LABELS[v.action] ?? v.action} · {v.actor.name ?? 'Hệ thống'} · {time(v.at)}
        </Button>
      ))}
      {total > versions.length ? (
        <Typography variant="pi" textColor="neutral600">
          {versions.length} / {total} phiên bản gần nhất.
        </Typography>
      ) : null}
      <Modal.Root open={open !== null} onOpenChange={(isOpen: boolean) => !isOpen && setOpen(null)}>
        {open ? (
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>
                {ACTION_LABELS[open.action] ?? open.action} lúc {time(open.at)} ({STATUS_LABELS[open.status] ?? open.status})
              </Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {open.actor.name ?? 'Hệ thống'} · {open.diff.previous === null ? 'phiên bản đầu tiên' : 'thay đổi so với phiên bản trước'}
              </Typography>
              <Box paddingTop={3}>
                {open.diff.changes.length ? open.diff.changes.map((c) => <ChangeView key={c.field} change={c} />) : <Typography>Không có thay đổi nội dung.</Typography>}
              </Box>
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">Đóng</Button>
              </Modal.Close>
              <Dialog.Root>
                <Dialog.Trigger>
                  <Button variant="secondary" loading={restoring}>
                    Khôi phục phiên bản này
                  </Button>
                </Dialog.Trigger>
                <Dialog.Content>
                  <Dialog.Header>Khôi phục phiên bản?</Dialog.Header>
                  <Dialog.Body>
                    Nội dung của phiên bản này sẽ được chép vào bản nháp. Bài trên trang web không đổi cho đến khi xuất bản lại.
                  </Dialog.Body>
                  <Dialog.Footer>
                    <Dialog.Cancel>
                      <Button variant="tertiary">Huỷ</Button>
                    </Dialog.Cancel>
                    <Dialog.Action>
                      <Button onClick={() => restore(open.id)}>Khôi phục</Button>
                    </Dialog.Action>
                  </Dialog.Footer>
                </Dialog.Content>
              </Dialog.Root>
            </Modal.Footer>
          </Modal.Content>
        ) : null}
      </Modal.Root>
    </Flex>
  );
}

/** The edit view's "Lịch sử" panel on the types whose writes the editorial plugin keeps versions of. */
export const HistoryPanel: PanelComponent = ({ model, documentId, document }: PanelComponentProps) => {
  const config = useEditorialConfig();
  if (!documentId || !config?.history.contentTypes.includes(model)) return null;
  return { title: 'Lịch sử', content: <HistoryBox model={model} documentId={documentId} updatedAt={document?.updatedAt} /> };
};
