import feeds from './feeds';
import pages from './pages';
import sitemaps from './sitemaps';

export default { feeds, pages, sitemaps };
