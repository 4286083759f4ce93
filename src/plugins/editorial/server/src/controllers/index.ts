import auditLog from './audit-log';
import history from './history';
import review from './review';

export default { auditLog, review, history };
