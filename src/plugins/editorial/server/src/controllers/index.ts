import auditLog from './audit-log';

export default { auditLog };
