// Commands for an app child (test/helpers/app-child.js): article writes through the Document Service.
const ARTICLE = 'api::article.article';

module.exports = (strapi) => ({
  /** Creates (or retitles `documentId`, with a new `slug` if given) and publishes an article. */
  async publish(msg) {
    const doc = msg.documentId
      ? await strapi.documents(ARTICLE).update({ documentId: msg.documentId, data: msg.slug ? { title: msg.title, slug: msg.slug } : { title: msg.title } })
      : await strapi.documents(ARTICLE).create({ data: { title: msg.title } });
    await strapi.documents(ARTICLE).publish({ documentId: doc.documentId });
    return { documentId: doc.documentId, slug: doc.slug };
  },
});
