// LOG_LEVEL: http (default, one line per request), info, warn or error.
export default {
  level: process.env.LOG_LEVEL || 'http',
};
