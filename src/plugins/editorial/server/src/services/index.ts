import { auditLog } from './audit-log';
import { review } from './review';

export default { auditLog, review };
