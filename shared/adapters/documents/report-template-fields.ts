/**
 * The placeholders a report template may use, and the data they are filled with. The
 * officials who edit a template in Word read and type these names, so they are
 * Vietnamese words without diacritics; `{#list}…{/list}` repeats for each item,
 * `{^list}…{/list}` shows only when the list is empty (docxtemplater's syntax).
 *
 * The vocabulary is declared once: the default template uses it, an uploaded template is
 * checked against it (the required placeholders present, no unknown one), and the admin
 * route's documentation lists it.
 */
import type { QuarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';

export interface TemplateField {
  name: string;
  description: string;
  required: boolean;
  /** The fields of each item, for a list. */
  items?: readonly TemplateField[];
}

const field = (name: string, description: string, required = false): TemplateField => ({
  name,
  description,
  required,
});
const list = (
  name: string,
  description: string,
  items: readonly TemplateField[],
  required = false,
): TemplateField => ({ name, description, required, items });

export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  field('ky_bao_cao', 'Kỳ báo cáo: Quý III/2026', true),
  field('dia_danh_ngay', 'Địa danh, ngày tháng: Lạng Sơn, ngày 20 tháng 9 năm 2026'),
  field('pham_vi_so_lieu', 'Thời gian chốt số liệu và ngày đánh giá'),
  field('tinh_trang_so_lieu', 'Số liệu chính thức hoặc sơ bộ'),
  list(
    'linh_vuc',
    'Mỗi lĩnh vực một phần',
    [
      field('so_thu_tu', 'Số thứ tự của lĩnh vực: 1, 2, 3'),
      field('ten', 'Tên lĩnh vực: Nông, lâm nghiệp và thủy sản', true),
      field('tong_quan', 'Số nhiệm vụ, tiến độ bình quân, số báo cáo'),
      list(
        'chi_tieu',
        'Các câu về chỉ tiêu: Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ.',
        [field('cau', 'Câu về một chỉ tiêu')],
        true,
      ),
      list(
        'phan_loai',
        'Các nhóm nhiệm vụ theo phân loại của Chính phủ',
        [
          field('ten', 'Tên nhóm: Hoàn thành đúng hạn'),
          field('so_nhiem_vu', 'Số nhiệm vụ của nhóm'),
          field('ty_le', 'Tỷ lệ trên tổng số nhiệm vụ (%)'),
        ],
        true,
      ),
      field('tong_so_nhiem_vu', 'Tổng số nhiệm vụ của lĩnh vực'),
      list(
        'nguy_co',
        'Các nhiệm vụ có nguy cơ chậm tiến độ',
        [
          field('ma', 'Mã nhiệm vụ: KH266-I-2'),
          field('ten', 'Tên nhiệm vụ'),
          field('chu_tri', 'Cơ quan chủ trì'),
          field('ly_do', 'Lý do'),
          field('cau', 'Cả câu: mã, tên, cơ quan chủ trì và lý do'),
        ],
        true,
      ),
      list(
        'chua_bao_cao',
        'Các cơ quan chưa nộp đủ báo cáo',
        [field('co_quan', 'Tên cơ quan'), field('cau', 'Cả câu: cơ quan và số báo cáo còn thiếu')],
        true,
      ),
      list(
        'bao_cao_muon',
        'Các cơ quan nộp báo cáo muộn',
        [field('co_quan', 'Tên cơ quan'), field('cau', 'Cả câu: cơ quan và số báo cáo nộp muộn')],
        true,
      ),
    ],
    true,
  ),
];

/** The report as the template's placeholders name it. */
export function templateData(report: QuarterlyReport) {
  return {
    ky_bao_cao: report.period,
    dia_danh_ngay: report.placeAndDate,
    pham_vi_so_lieu: report.dataScope,
    tinh_trang_so_lieu: report.dataStatus,
    linh_vuc: report.sectors.map((sector) => ({
      so_thu_tu: String(sector.number),
      ten: sector.name,
      tong_quan: sector.overview,
      chi_tieu: sector.indicatorSentences.map((cau) => ({ cau })),
      phan_loai: sector.categories.map((row) => ({
        ten: row.name,
        so_nhiem_vu: String(row.count),
        ty_le: row.share,
      })),
      tong_so_nhiem_vu: String(sector.totalTasks),
      nguy_co: sector.atRisk.map((item) => ({
        ma: item.taskId,
        ten: item.title,
        chu_tri: item.leads,
        ly_do: item.reasons,
        cau: item.sentence,
      })),
      chua_bao_cao: sector.notReported.map((item) => ({
        co_quan: item.agency,
        cau: item.sentence,
      })),
      bao_cao_muon: sector.reportedLate.map((item) => ({
        co_quan: item.agency,
        cau: item.sentence,
      })),
    })),
  };
}
