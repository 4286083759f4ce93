import bootstrap from './bootstrap';
import config from './config';
import destroy from './destroy';
import middlewares from './middlewares';
import register from './register';
import services from './services';

export default {
  register,
  bootstrap,
  destroy,
  config,
  middlewares,
  services,
};
