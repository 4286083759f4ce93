// Commands for an app child (test/helpers/app-child.js) that end the process the instant a write
// commits (SIGKILL: no cleanup, no pending promise runs), for the tests proving that what must
// survive a crash committed with the write. The article commands of ./articles.js come along.
const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';

const die = () => process.kill(process.pid, 'SIGKILL');

/**
 * Adds `hook` to a model's own lifecycles. Strapi runs those before any plugin's subscribers, so
 * the process dies before a plugin's afterX could record anything.
 */
function ownLifecycle(strapi, uid, action, hook) {
  const model = strapi.db.metadata.get(uid);
  const own = model.lifecycles ?? {};
  model.lifecycles = {
    ...own,
    [action]: async (event) => {
      await own[action]?.(event);
      await hook(event);
    },
  };
}

/** Runs `write` a moment after the reply has left (the IPC message is sent before the crash). */
const later = (write) => setTimeout(() => write().catch(() => undefined), 200);

module.exports = (strapi) => ({
  ...require('./articles.js')(strapi),

  /**
   * Creates a draft, answers its documentId, then publishes it; the process dies when the
   * transaction holding the published row commits (the outermost one: inner ones commit with it).
   */
  async publishThenCrash(msg) {
    const doc = await strapi.documents(ARTICLE).create({ data: { title: msg.title } });
    ownLifecycle(strapi, ARTICLE, 'afterCreate', async (event) => {
      if (event.result?.documentId !== doc.documentId || !event.result.publishedAt) return;
      await strapi.db.transaction(async ({ onCommit }) => onCommit(die));
    });
    later(() => strapi.documents(ARTICLE).publish({ documentId: doc.documentId }));
    return { documentId: doc.documentId };
  },

  /** A media row (no file behind it is needed for its alt text); answers its id and documentId. (`id` is the IPC message's.) */
  async mediaRow(msg) {
    const row = await strapi.db.query(FILE).create({
      data: { name: msg.name, hash: `crash_${Date.now()}`, ext: '.jpg', mime: 'image/jpeg', size: 1, url: `/uploads/crash_${Date.now()}.jpg`, provider: 'local' },
    });
    return { fileId: row.id, documentId: row.documentId };
  },

  /**
   * Changes a media row's alt text through the upload plugin (no transaction: the row is
   * autocommitted); the process dies right after the row is written, before any plugin hears of it.
   */
  async altTextThenCrash(msg) {
    ownLifecycle(strapi, FILE, 'afterUpdate', async (event) => {
      if (event.result?.id === msg.fileId) die();
    });
    later(() => strapi.plugin('upload').service('upload').updateFileInfo(msg.fileId, { alternativeText: msg.alt }));
    return {};
  },

  /** Changes a media row's alt text through the upload plugin, as the media library does. */
  async altText(msg) {
    await strapi.plugin('upload').service('upload').updateFileInfo(msg.fileId, { alternativeText: msg.alt });
    return {};
  },

  /** The published version of an article and a media row's alt text, as stored. */
  async stored(msg) {
    const published = await strapi.db.query(ARTICLE).findOne({ where: { documentId: msg.documentId, publishedAt: { $notNull: true } } });
    const file = msg.fileId ? await strapi.db.query(FILE).findOne({ where: { id: msg.fileId } }) : null;
    return { published: Boolean(published), alt: file?.alternativeText ?? null };
  },
});
