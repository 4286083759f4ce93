// Removes the template databases and uploads global-setup made for this run.
module.exports = require('./global-setup').globalTeardown;
