/**
 * Vietnamese names of the actions, for the admin page and the CSV export. Pure data, no Node
 * imports: the admin page (src/admin/pages/audit-log.tsx in the app) imports this file too.
 */
export const ACTION_LABELS: Record<string, string> = {
  'admin.login': 'Đăng nhập quản trị',
  'admin.login.failure': 'Đăng nhập quản trị thất bại',
  'admin.logout': 'Đăng xuất quản trị',
  'content.create': 'Tạo nội dung',
  'content.update': 'Sửa nội dung',
  'content.publish': 'Xuất bản',
  'content.unpublish': 'Gỡ xuất bản',
  'content.delete': 'Xoá nội dung',
  'content.discard-draft': 'Huỷ bản nháp',
  'content.clone': 'Nhân bản nội dung',
  'media.create': 'Tải lên tệp',
  'media.update': 'Sửa thông tin tệp',
  'media.replace': 'Thay tệp',
  'media.delete': 'Xoá tệp',
  'media-folder.create': 'Tạo thư mục tệp',
  'media-folder.update': 'Sửa thư mục tệp',
  'media-folder.delete': 'Xoá thư mục tệp',
  'admin-user.create': 'Tạo tài khoản quản trị',
  'admin-user.update': 'Sửa tài khoản quản trị',
  'admin-user.delete': 'Xoá tài khoản quản trị',
  'admin-role.create': 'Tạo vai trò',
  'admin-role.update': 'Sửa vai trò',
  'admin-role.delete': 'Xoá vai trò',
  'admin-permission.create': 'Cấp quyền',
  'admin-permission.update': 'Sửa quyền',
  'admin-permission.delete': 'Thu hồi quyền',
  'website-role.create': 'Tạo vai trò tài khoản website',
  'website-role.update': 'Sửa vai trò, quyền tài khoản website',
  'website-role.delete': 'Xoá vai trò tài khoản website',
  'api-token.create': 'Tạo khoá API',
  'api-token.update': 'Sửa khoá API',
  'api-token.regenerate': 'Tạo lại khoá API',
  'api-token.delete': 'Xoá khoá API',
  'locale.create': 'Thêm ngôn ngữ',
  'locale.update': 'Sửa ngôn ngữ',
  'locale.delete': 'Xoá ngôn ngữ',
  'locale.default': 'Đổi ngôn ngữ mặc định',
  'webhook.create': 'Tạo webhook',
  'webhook.update': 'Sửa webhook',
  'webhook.delete': 'Xoá webhook',
  'settings.update': 'Đổi cài đặt',
  'content-type.create': 'Tạo kiểu nội dung',
  'content-type.update': 'Sửa kiểu nội dung',
  'content-type.delete': 'Xoá kiểu nội dung',
  'component.create': 'Tạo thành phần',
  'component.update': 'Sửa thành phần',
  'component.delete': 'Xoá thành phần',
  'system.import': 'Nhập dữ liệu',
  'system.restore': 'Khôi phục dữ liệu',
  'audit.purge': 'Xoá nhật ký quá hạn',
  'history.restore': 'Khôi phục phiên bản',
  'history.purge': 'Dọn lịch sử phiên bản cũ',
  'review.submitted': 'Gửi duyệt',
  'review.approved': 'Duyệt bài',
  'review.returned': 'Trả lại bài',
  'review.draft': 'Về bản nháp sau khi sửa',
};

export const ACTOR_LABELS: Record<string, string> = {
  admin: 'Quản trị viên',
  'api-token': 'Khoá API',
  user: 'Tài khoản website',
  anonymous: 'Chưa đăng nhập',
  system: 'Hệ thống',
};

/** Names of background jobs given to runAs. */
export const SYSTEM_JOB_LABELS: Record<string, string> = {
  scheduler: 'lịch hẹn giờ',
  import: 'nhập dữ liệu',
  restore: 'khôi phục',
  retention: 'xoá nhật ký quá hạn',
};

/** An action as a reader sees it; an action this list does not know keeps its code name. */
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

/** "Quản trị viên Nguyễn Văn A", "Hệ thống (lịch hẹn giờ)", "Khoá API Trang web". */
export function actorLabel(actor: { type: string; name: string | null }): string {
  const type = ACTOR_LABELS[actor.type] ?? actor.type;
  if (actor.type === 'system') return actor.name ? `${type} (${SYSTEM_JOB_LABELS[actor.name] ?? actor.name})` : type;
  return actor.name ? `${type} ${actor.name}` : type;
}
