import * as React from 'react';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
// Pure data shared with the server (no Node imports): the same Vietnamese stage names.
import { STAGE_LABELS, type RequestedStage, type Stage } from '../../plugins/editorial/server/src/utils/review';
import { fetchErrorMessage, time, useEditorialConfig } from './editorial-client';
import { StageBadge } from './stage-badge';

interface Step {
  stage: Stage;
  note: string | null;
  actor: { id: number | null; name: string | null };
  at: string;
}
interface StageAnswer {
  stage: Stage;
  trail: Step[];
  allowed: RequestedStage[];
}

/** The button of each step, as an editor or a reporter says it. */
const STEP_BUTTONS: Record<RequestedStage, string> = { submitted: 'Gửi duyệt', approved: 'Duyệt', returned: 'Trả lại' };

/** The stage, the steps this user may take, and the trail with its notes. */
function ReviewBox({ model, documentId, updatedAt }: { model: string; documentId: string; updatedAt: unknown }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;
  const [answer, setAnswer] = React.useState<StageAnswer | null>(null);
  const [error, setError] = React.useState('');
  const [returning, setReturning] = React.useState(false);
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const path = `/editorial/stages/${model}/${documentId}`;
  const params = locale ? { locale } : {};

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ data: StageAnswer }>(path, { params });
      setAnswer(data.data);
      setError('');
    } catch (e) {
      setError(fetchErrorMessage(e, 'Không tải được trạng thái duyệt.'));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, locale]);

  // Again after each save: an edit by someone who cannot approve sends the draft back to "Bản nháp".
  React.useEffect(() => {
    void load();
  }, [load, updatedAt]);

  async function take(stage: RequestedStage, withNote: string) {
    setBusy(true);
    try {
      await post(path, { stage, note: withNote || undefined }, { params });
      toggleNotification({ type: 'success', message: `Đã chuyển sang "${STAGE_LABELS[stage]}".` });
      setReturning(false);
      setNote('');
      await load();
    } catch (e) {
      toggleNotification({ type: 'danger', message: fetchErrorMessage(e, 'Không đổi được trạng thái duyệt.') });
    } finally {
      setBusy(false);
    }
  }

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!answer) return <Typography textColor="neutral600">Đang tải…</Typography>;
  const last = answer.trail[answer.trail.length - 1];

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" role="region" aria-label="Trạng thái duyệt">
      <Flex gap={2}>
        <Typography variant="sigma" textColor="neutral600">Trạng thái</Typography>
        <StageBadge stage={answer.stage} />
      </Flex>
      {answer.stage === 'returned' && last?.note ? (
        <Box background="danger100" padding={2} hasRadius>
          <Typography textColor="danger700">Lý do trả lại: {last.note}</Typography>
        </Box>
      ) : null}
      {returning ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="review-note" required>
            <Field.Label>Ghi chú cho người viết (bắt buộc)</Field.Label>
            <Textarea value={note} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)} />
          </Field.Root>
          <Flex gap={2}>
            <Button variant="danger" disabled={busy || !note.trim()} onClick={() => take('returned', note.trim())}>
              Trả lại bài
            </Button>
            <Button variant="tertiary" onClick={() => setReturning(false)}>
              Huỷ
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Flex gap={2} wrap="wrap">
          {answer.allowed.map((stage) => (
            <Button
              key={stage}
              variant={stage === 'returned' ? 'danger-light' : stage === 'approved' ? 'success' : 'secondary'}
              disabled={busy}
              onClick={() => (stage === 'returned' ? setReturning(true) : take(stage, ''))}
            >
              {STEP_BUTTONS[stage]}
            </Button>
          ))}
        </Flex>
      )}
      {answer.trail.length ? (
        <Flex direction="column" alignItems="stretch" gap={2} tag="ol" aria-label="Quá trình duyệt">
          {[...answer.trail].reverse().map((step, i) => (
            <Box key={`${step.at}-${i}`} tag="li">
              <Typography variant="pi" fontWeight="bold">{STAGE_LABELS[step.stage]}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {' · '}
                {step.actor.name ?? 'Hệ thống'} · {time(step.at)}
              </Typography>
              {step.note ? <Typography variant="pi" tag="p">“{step.note}”</Typography> : null}
            </Box>
          ))}
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral600">Chưa gửi duyệt lần nào.</Typography>
      )}
    </Flex>
  );
}

/**
 * The edit view's "Duyệt bài" panel (Strapi's side-panel extension point), on the types the
 * editorial plugin reviews (its config, asked once); nothing while a document is being created.
 */
export const ReviewPanel: PanelComponent = ({ model, documentId, document }: PanelComponentProps) => {
  const config = useEditorialConfig();
  if (!documentId || !config?.review.contentTypes.includes(model)) return null;
  return { title: 'Duyệt bài', content: <ReviewBox model={model} documentId={documentId} updatedAt={document?.updatedAt} /> };
};
