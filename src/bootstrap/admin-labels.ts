import type { Core, UID } from '@strapi/strapi';
import { kindHint } from '../legal-documents/kinds';

/** [label, description] shown to editors in the admin, per field. */
type FieldLabels = Record<string, [string, string?]>;

interface ModelLabels {
  mainField?: string;
  fields: FieldLabels;
}

const SLUG: [string, string] = ['Đường dẫn (slug)', 'Phần cuối địa chỉ trang, chữ thường không dấu'];

export const ADMIN_LABELS: Record<string, ModelLabels> = {
  'api::article.article': {
    mainField: 'title',
    fields: {
      title: ['Tiêu đề', 'Tiêu đề bài viết, hiển thị trên trang và trong kết quả tìm kiếm'],
      slug: SLUG,
      summary: ['Sapo (tóm tắt)', 'Một hai câu mở đầu, in đậm dưới tiêu đề'],
      body: ['Nội dung'],
      cover: ['Ảnh đại diện'],
      coverCaption: ['Chú thích ảnh đại diện', 'Hiển thị dưới ảnh, ví dụ: (Hội nghị tổng kết năm 2024)'],
      gallery: ['Thư viện ảnh'],
      author: ['Tác giả', 'Bút danh in cuối bài'],
      dateline: ['Ngày đăng', 'Ngày giờ hiển thị và dùng để sắp xếp; để trống thì lấy thời điểm xuất bản đầu tiên'],
      category: ['Chuyên mục'],
      blocs: ['Khối, cụm thi đua'],
      agencies: ['Cơ quan, đơn vị'],
      movements: ['Phong trào thi đua'],
      related: ['Tin khác (chọn tay)', 'Bài liên quan hiển thị dưới bài viết'],
      legalDocuments: ['Văn bản được nhắc tới', 'Chỉ thị, nghị quyết, kế hoạch… mà bài viết trích dẫn'],
      seo: ['SEO'],
      publishAt: ['Hẹn giờ xuất bản', 'Bản nháp tự xuất bản vào lúc này (trong vòng một phút); để trống nếu không hẹn giờ'],
      unpublishAt: ['Hẹn giờ gỡ bài', 'Bài tự gỡ xuống vào lúc này; phải sau giờ hẹn xuất bản'],
      legacyId: ['Mã nguồn nhập', 'Mã bài ở hệ thống cũ, do lệnh nhập dữ liệu ghi; không sửa tay'],
      legacyHash: ['Dấu vân tay bản nhập', 'Do lệnh nhập dữ liệu ghi để biết bài nguồn đã đổi hay chưa; không sửa tay'],
    },
  },
  'api::category.category': {
    mainField: 'name',
    fields: {
      name: ['Tên chuyên mục'],
      slug: SLUG,
      description: ['Mô tả'],
      order: ['Thứ tự', 'Số nhỏ đứng trước trên thanh chuyên mục'],
      articles: ['Bài viết'],
    },
  },
  'api::bloc.bloc': {
    mainField: 'name',
    fields: {
      name: ['Tên khối, cụm'],
      slug: SLUG,
      kind: ['Loại', 'khoi: khối thi đua theo ngành; cum: cụm thi đua theo địa bàn'],
      description: ['Mô tả'],
      members: ['Thành viên', 'Các cơ quan, đơn vị trong khối, cụm'],
      terms: ['Trưởng, phó khối theo năm'],
      movements: ['Phong trào thi đua'],
      articles: ['Bài viết'],
    },
  },
  'api::agency.agency': {
    mainField: 'name',
    fields: {
      name: ['Tên cơ quan, đơn vị'],
      shortName: ['Tên viết tắt', 'Ví dụ: Hội LHPN tỉnh'],
      slug: SLUG,
      logo: ['Biểu trưng'],
      website: ['Trang thông tin điện tử'],
      description: ['Giới thiệu'],
      blocs: ['Khối, cụm thi đua'],
      movements: ['Phong trào đã phát động'],
      articles: ['Bài viết'],
    },
  },
  'api::movement.movement': {
    mainField: 'name',
    fields: {
      name: ['Tên phong trào'],
      slug: SLUG,
      description: ['Mô tả'],
      launchedBy: ['Cơ quan phát động'],
      blocs: ['Khối, cụm hưởng ứng'],
      startDate: ['Ngày bắt đầu'],
      endDate: ['Ngày kết thúc'],
      directive: ['Văn bản phát động', 'Ví dụ: Chỉ thị số 05-CT/TW'],
      directives: ['Văn bản chỉ đạo', 'Các văn bản trong mục Văn bản mà phong trào thực hiện'],
      cover: ['Ảnh đại diện'],
      articles: ['Bài viết'],
    },
  },
  'api::legal-document.legal-document': {
    mainField: 'number',
    fields: {
      number: ['Số ký hiệu', 'Ví dụ: 05-CT/TW, 98/2023/NĐ-CP'],
      title: ['Trích yếu', 'Nội dung tóm tắt của văn bản, ví dụ: Về đẩy mạnh học tập và làm theo…'],
      slug: SLUG,
      kind: ['Loại văn bản', kindHint()],
      field: ['Lĩnh vực', 'Ví dụ: Thi đua, khen thưởng'],
      issuer: ['Cơ quan ban hành (trong tỉnh)', 'Chọn khi cơ quan ban hành có trong danh sách cơ quan, đơn vị'],
      issuerName: ['Cơ quan ban hành (tên)', 'Điền khi cơ quan ở ngoài tỉnh, ví dụ: Bộ Chính trị'],
      signer: ['Người ký'],
      signerTitle: ['Chức vụ người ký'],
      issuedOn: ['Ngày ban hành'],
      effectiveFrom: ['Ngày có hiệu lực', 'Để trống nếu có hiệu lực từ ngày ban hành'],
      expiresOn: ['Ngày hết hiệu lực', 'Ngày đầu tiên văn bản không còn áp dụng; để trống nếu chưa xác định'],
      files: ['Tệp đính kèm', 'PDF, DOC/DOCX, XLS/XLSX, ODT'],
      replaces: ['Thay thế văn bản', 'Các văn bản cũ mà văn bản này thay thế'],
      replacedBy: ['Bị thay thế bởi'],
      related: ['Văn bản liên quan'],
      movements: ['Phong trào thực hiện'],
      articles: ['Bài viết trích dẫn'],
    },
  },
  'shared.seo': {
    fields: {
      metaTitle: ['Tiêu đề SEO', 'Tối đa 70 ký tự; để trống thì dùng tiêu đề bài'],
      metaDescription: ['Mô tả SEO', 'Khoảng 150 ký tự'],
      ogImage: ['Ảnh chia sẻ mạng xã hội'],
      canonicalUrl: ['Địa chỉ gốc (canonical)'],
      noIndex: ['Không cho công cụ tìm kiếm lập chỉ mục'],
    },
  },
  // Accounts of the public API (website members), not admin users: Strapi labels them in English.
  'plugin::users-permissions.user': {
    mainField: 'username',
    fields: {
      username: ['Tên đăng nhập'],
      email: ['Email'],
      provider: ['Cách đăng nhập', 'local: email và mật khẩu; hoặc tên nhà cung cấp (Google, Facebook…)'],
      password: ['Mật khẩu'],
      resetPasswordToken: ['Mã đặt lại mật khẩu'],
      confirmationToken: ['Mã xác nhận email'],
      confirmed: ['Đã xác nhận email'],
      blocked: ['Bị khóa'],
      role: ['Vai trò'],
    },
  },
  'bloc.term': {
    mainField: 'year',
    fields: {
      year: ['Năm'],
      leader: ['Trưởng khối (cụm)'],
      deputy: ['Phó khối (cụm)'],
      pledgeSignedOn: ['Ngày ký giao ước thi đua'],
      notes: ['Ghi chú'],
    },
  },
};

interface Metadata {
  edit?: { label?: string; description?: string };
  list?: { label?: string };
}
interface Configuration {
  settings: { mainField?: string };
  metadatas: Record<string, Metadata>;
  layouts: unknown;
}

/**
 * Puts Vietnamese labels on fields that still carry Strapi's default (the field name),
 * so labels an editor changed in the admin are kept.
 */
export function applyLabels(config: Configuration, labels: ModelLabels): { config: Configuration; changed: boolean } {
  let changed = false;
  const metadatas = { ...config.metadatas };
  for (const [field, [label, description]] of Object.entries(labels.fields)) {
    const meta = metadatas[field];
    if (!meta) continue;
    const edit = { ...meta.edit };
    const list = { ...meta.list };
    if (edit.label === field) {
      edit.label = label;
      changed = true;
    }
    if (description && !edit.description) {
      edit.description = description;
      changed = true;
    }
    if (list.label === field) {
      list.label = label;
      changed = true;
    }
    metadatas[field] = { ...meta, edit, list };
  }
  const settings = { ...config.settings };
  if (labels.mainField && settings.mainField === 'id') {
    settings.mainField = labels.mainField;
    changed = true;
  }
  return { config: { ...config, settings, metadatas }, changed };
}

/** Writes the Vietnamese labels into the content manager's stored configuration. */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  for (const [uid, labels] of Object.entries(ADMIN_LABELS)) {
    const isComponent = !uid.includes('::');
    const service = cm.service(isComponent ? 'components' : 'content-types');
    const model = isComponent ? strapi.components[uid as UID.Component] : strapi.contentTypes[uid as UID.ContentType];
    if (!model) continue;
    const current = (await service.findConfiguration(model)) as Configuration & { uid?: string };
    const { config, changed } = applyLabels(current, labels);
    if (changed) {
      const { settings, metadatas, layouts } = config;
      await service.updateConfiguration(model, { settings, metadatas, layouts });
    }
  }
}

/** Names in the content manager's menu for types Strapi ships with an English name. */
export const DISPLAY_NAMES: Record<string, string> = {
  'plugin::users-permissions.user': 'Tài khoản website',
};

/** Renames those types before the admin reads their schemas (the name is display only). */
export function registerDisplayNames(strapi: Core.Strapi): void {
  for (const [uid, displayName] of Object.entries(DISPLAY_NAMES)) {
    const model = strapi.contentTypes[uid as UID.ContentType];
    if (model) model.info.displayName = displayName;
  }
}
