/**
 * Which notices are due, and to whom: reminders inside the window before a deadline to
 * the agency that owes, escalations after the grace to the level above.
 */
import { describe, expect, it } from 'vitest';
import { dueNotices, type NoticeContext } from '#shared/domain/reminder/notices.ts';
import {
  escalationWindow,
  periodsRecentlyDue,
  periodsToNotify,
  reminderWindow,
} from '#shared/domain/reminder/notice-windows.ts';
import { formatPeriod } from '#shared/domain/period/period.ts';
import { PROVINCE_REPORTING_CALENDAR } from '#shared/domain/period/reporting-calendar.ts';
import { task } from '../risk/fixtures.ts';
import { agencies, agency, owed, SETTINGS } from './fixtures.ts';

const COMMUNE_TASK = task({
  id: 'KH266-I-9',
  lead: [
    { id: 'so-nn', name: 'Sở Nông nghiệp và Môi trường' },
    { id: 'ubnd-cap-xa', name: 'UBND các xã, phường' },
  ],
});

function context(today: string, overrides: Partial<NoticeContext> = {}): NoticeContext {
  return {
    today,
    settings: SETTINGS,
    plans: new Map([['KH266', { reviewer: null, daysBefore: 5 }]]),
    agencies: agencies(
      agency('so-nn'),
      agency('van-phong'),
      agency('xa-a', { kind: 'commune' }),
      agency('ubnd-cap-xa', { kind: 'collective' }),
    ),
    tasks: new Map([
      ['KH266-I-2', task()],
      ['KH266-I-9', COMMUNE_TASK],
    ]),
    ...overrides,
  };
}

const told = (notices: ReturnType<typeof dueNotices>) =>
  notices.map((notice) => `${notice.kind}:${notice.agencyId}->${notice.recipientId}`);

describe('the windows', () => {
  it('reminds from N days before the deadline to the deadline, escalates after the grace', () => {
    // Act and Assess
    expect(reminderWindow('2026-12-18', 5)).toEqual({ start: '2026-12-13', end: '2026-12-18' });
    expect(escalationWindow('2026-12-18', 3)).toEqual({ start: '2026-12-22', end: '2027-01-20' });
  });

  it('looks at the months and quarters whose window holds the day', () => {
    // Prepare
    const province = [{ calendar: PROVINCE_REPORTING_CALENDAR, daysBefore: 5 }];

    // Act
    const escalating = periodsToNotify('2026-10-12', province, 3).map(formatPeriod);
    const both = periodsToNotify('2026-10-13', province, 3).map(formatPeriod);
    const quiet = periodsToNotify('2026-08-21', province, 3).map(formatPeriod);

    // Assess: the third quarter and September escalate until 21/10; October reminds from 13/10
    expect(escalating).toEqual(['2026-Q3', '2026-09']);
    expect(both).toEqual(['2026-Q3', '2026-09', '2026-10']);
    expect(quiet).toEqual([]);
    expect(
      periodsRecentlyDue('2026-12-20', [PROVINCE_REPORTING_CALENDAR]).map(formatPeriod),
    ).toEqual(['2026-Q4', '2026-10', '2026-11', '2026-12']);
  });
});

describe('dueNotices', () => {
  it('reminds the agency that owes inside the window, and not a day before it or after the deadline', () => {
    // Prepare
    const obligations = [owed()];

    // Act and Assess
    expect(told(dueNotices(obligations, context('2026-12-12')))).toEqual([]);
    expect(told(dueNotices(obligations, context('2026-12-13')))).toEqual(['reminder:so-nn->so-nn']);
    expect(told(dueNotices(obligations, context('2026-12-18')))).toEqual(['reminder:so-nn->so-nn']);
    expect(told(dueNotices(obligations, context('2026-12-19')))).toEqual([]);
  });

  it('takes the plan’s own days of notice', () => {
    // Prepare
    const early = context('2026-12-04', {
      plans: new Map([['KH266', { reviewer: null, daysBefore: 14 }]]),
    });

    // Act and Assess
    expect(told(dueNotices([owed()], early))).toEqual(['reminder:so-nn->so-nn']);
  });

  it('escalates a department to the provincial office, or to the plan’s reviewer, after the grace', () => {
    // Prepare
    const reviewed = context('2026-12-22', {
      plans: new Map([['KH266', { reviewer: 'so-nn', daysBefore: 5 }]]),
      agencies: agencies(agency('so-ct'), agency('so-nn'), agency('van-phong')),
    });

    // Act and Assess
    expect(told(dueNotices([owed()], context('2026-12-21')))).toEqual([]);
    expect(told(dueNotices([owed()], context('2026-12-22')))).toEqual([
      'escalation:so-nn->van-phong',
    ]);
    expect(told(dueNotices([owed({ agencyId: 'so-ct' })], reviewed))).toEqual([
      'escalation:so-ct->so-nn',
    ]);
    expect(told(dueNotices([owed()], context('2027-01-21')))).toEqual([]);
  });

  it('escalates a commune to the department that leads the task', () => {
    // Prepare
    const commune = owed({ agencyId: 'xa-a', via: 'ubnd-cap-xa', taskId: 'KH266-I-9' });
    const alone = context('2026-12-22', {
      tasks: new Map([['KH266-I-9', task({ id: 'KH266-I-9', lead: COMMUNE_TASK.lead.slice(1) })]]),
    });

    // Act and Assess
    expect(told(dueNotices([commune], context('2026-12-22')))).toEqual(['escalation:xa-a->so-nn']);
    // No department leads it: the provincial office hears of it.
    expect(told(dueNotices([commune], alone))).toEqual(['escalation:xa-a->van-phong']);
  });

  it('escalates nowhere without a provincial office, and never to the late agency itself', () => {
    // Prepare
    const none = context('2026-12-22', { settings: { ...SETTINGS, provincialOffice: null } });

    // Act and Assess
    expect(told(dueNotices([owed()], none))).toEqual([]);
    expect(told(dueNotices([owed({ agencyId: 'van-phong' })], context('2026-12-22')))).toEqual([]);
  });

  it('tells the agency a lead was merged into, and no deactivated agency or collective', () => {
    // Prepare
    const registry = agencies(
      agency('so-nn', { active: false, mergedInto: 'so-nnmt' }),
      agency('so-nnmt'),
      agency('so-cu', { active: false }),
      agency('ubnd-cap-xa', { kind: 'collective' }),
    );
    const obligations = [owed(), owed({ agencyId: 'so-cu' }), owed({ agencyId: 'ubnd-cap-xa' })];

    // Act
    const notices = dueNotices(obligations, context('2026-12-13', { agencies: registry }));

    // Assess
    expect(told(notices)).toEqual(['reminder:so-nnmt->so-nnmt']);
  });
});
