// The postgres project's globalSetup: starts seeding its template database (see global-setup.js).
module.exports = () => require('./global-setup').startTemplate('postgres');
