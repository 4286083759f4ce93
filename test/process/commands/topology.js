// Commands for the app children of the whole-topology test: article writes (articles.js) and
// scheduled drafts with a count of this instance's publish actions (scheduler.js).
module.exports = (strapi) => ({ ...require('./articles')(strapi), ...require('./scheduler')(strapi) });
