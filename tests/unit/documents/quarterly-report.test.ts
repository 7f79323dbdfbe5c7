import { describe, expect, it } from 'vitest';
import { officialDate, quarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';
import { agricultureSnapshot, riceFigures, SO_NN, UBND_XA } from './fixtures.ts';

describe('quarterlyReport', () => {
  it('heads the report with the period, the place and date, and the data’s scope', () => {
    // Prepare
    const input = { snapshots: [agricultureSnapshot()] };

    // Act
    const report = quarterlyReport(input);

    // Assess: computed at 00:30 on 20/09 in the province
    expect(report).toMatchObject({
      period: 'Quý III/2026',
      placeAndDate: 'Lạng Sơn, ngày 20 tháng 9 năm 2026',
      dataScope:
        'Số liệu từ ngày 15/06/2026 đến ngày 14/09/2026 theo Nghị định 09/2019/NĐ-CP, đánh giá đến ngày 14/09/2026',
      dataStatus: 'Số liệu chính thức',
    });
  });

  it('says the figures are preliminary while any snapshot is', () => {
    // Prepare
    const input = { snapshots: [agricultureSnapshot({ status: 'preliminary', revision: 0 })] };

    // Act
    const report = quarterlyReport(input);

    // Assess
    expect(report.dataStatus).toBe('Số liệu sơ bộ, sẽ được chốt sau hạn báo cáo ngày 18/09/2026');
  });

  it('names the revision of official figures from the second on', () => {
    // Prepare
    const input = { snapshots: [agricultureSnapshot({ revision: 3 })] };

    // Act
    const report = quarterlyReport(input);

    // Assess
    expect(report.dataStatus).toBe('Số liệu chính thức, cập nhật lần 3');
  });

  it('words the indicator figures as the province does, the year to date after', () => {
    // Prepare
    const input = { snapshots: [agricultureSnapshot()], figures: [riceFigures()] };

    // Act
    const [sector] = quarterlyReport(input).sectors;

    // Assess
    expect(sector?.indicatorSentences).toEqual([
      'Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ.',
      'Lũy kế 9 tháng năm 2026: Cây lúa 14.562 ha (chưa có số liệu 6 tháng đầu năm 2026).',
    ]);
  });

  it('words the reported plan targets the same way when there are no figures', () => {
    // Prepare: the rice target has an actual, the maize target none
    const input = { snapshots: [agricultureSnapshot()] };

    // Act
    const [sector] = quarterlyReport(input).sectors;

    // Assess
    expect(sector?.indicatorSentences).toEqual([
      'Lúa 12.000 ha, đạt 77,32% so với kế hoạch, bằng 96,00% cùng kỳ.',
    ]);
  });

  it('leaves out the figures of sectors the report does not cover', () => {
    // Prepare
    const input = {
      snapshots: [agricultureSnapshot({ sector: 'services' })],
      figures: [riceFigures()],
    };

    // Act
    const [sector] = quarterlyReport(input).sectors;

    // Assess: the services snapshot falls back to its own targets
    expect(sector?.name).toBe('Dịch vụ');
    expect(sector?.indicatorSentences.join(' ')).not.toContain('Cây lúa');
  });

  it('tables the government’s categories with their shares of the sector’s tasks', () => {
    // Prepare
    const input = { snapshots: [agricultureSnapshot()] };

    // Act
    const [sector] = quarterlyReport(input).sectors;

    // Assess: 8 tasks
    expect(sector?.totalTasks).toBe(8);
    expect(sector?.categories).toEqual([
      { name: 'Hoàn thành đúng hạn', count: 2, share: '25,00' },
      { name: 'Hoàn thành quá hạn', count: 1, share: '12,50' },
      { name: 'Đang thực hiện trong hạn', count: 2, share: '25,00' },
      { name: 'Quá hạn chưa hoàn thành', count: 1, share: '12,50' },
      { name: 'Chưa triển khai', count: 0, share: '0,00' },
      { name: 'Chưa báo cáo', count: 1, share: '12,50' },
      { name: 'Đã hủy', count: 1, share: '12,50' },
    ]);
    expect(sector?.overview).toBe(
      'Lĩnh vực có 8 nhiệm vụ được theo dõi, tiến độ thực hiện bình quân đạt 71,43%; đã nhận 5 báo cáo của các cơ quan.',
    );
  });

  it('names the tasks at risk with their lead agencies and reasons', () => {
    // Prepare
    const input = {
      snapshots: [agricultureSnapshot()],
      agencyNames: new Map([['ban-dan-toc', 'Ban Dân tộc']]),
    };

    // Act
    const [sector] = quarterlyReport(input).sectors;

    // Assess
    expect(sector?.atRisk.map((item) => item.sentence)).toEqual([
      'KH266-I-1.1 – Rà soát, điều chỉnh quy hoạch vùng sản xuất (chủ trì: Sở Nông nghiệp và Môi trường; Ban Dân tộc): Quá hạn ngày 31/08/2026 chưa hoàn thành; Đơn vị báo cáo vướng mắc: thiếu kinh phí.',
    ]);
  });

  it('lists the agencies that owe reports and those that reported late', () => {
    // Prepare: so-nn received 4 of 5, 3 on time; the finance department all on time; the
    // communes none
    const input = { snapshots: [agricultureSnapshot()] };

    // Act
    const [sector] = quarterlyReport(input).sectors;

    // Assess
    expect(sector?.notReported).toEqual([
      { agency: SO_NN.name, sentence: `${SO_NN.name}: chưa nộp 1/5 báo cáo.` },
      { agency: UBND_XA.name, sentence: `${UBND_XA.name}: chưa nộp 1/1 báo cáo.` },
    ]);
    expect(sector?.reportedLate).toEqual([
      { agency: SO_NN.name, sentence: `${SO_NN.name}: 1 báo cáo nộp muộn (đã nộp 4/5 báo cáo).` },
    ]);
  });

  it('numbers the sectors in the province’s order whatever the input order', () => {
    // Prepare
    const input = {
      snapshots: [
        agricultureSnapshot({ sector: 'services' }),
        agricultureSnapshot({ sector: 'industry' }),
        agricultureSnapshot(),
      ],
    };

    // Act
    const { sectors } = quarterlyReport(input);

    // Assess
    expect(sectors.map(({ number, name }) => `${number}. ${name}`)).toEqual([
      '1. Nông, lâm nghiệp và thủy sản',
      '2. Công nghiệp và xây dựng',
      '3. Dịch vụ',
    ]);
  });

  it('refuses to report on no snapshot', () => {
    // Prepare: nothing. Act
    const act = () => quarterlyReport({ snapshots: [] });

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('officialDate', () => {
  it.each([
    ['2026-09-20', 'ngày 20 tháng 9 năm 2026'],
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2026-12-01', 'ngày 01 tháng 12 năm 2026'],
  ])('writes %s as "%s"', (day, written) => {
    // Prepare: the day. Act
    const result = officialDate(day);

    // Assess
    expect(result).toBe(written);
  });
});
