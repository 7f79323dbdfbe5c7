/** Where a message goes: the agency's addresses and its people's; the leaders' for the digest. */
import { describe, expect, it } from 'vitest';
import { agencyAddresses, leaderAddresses } from '#shared/domain/reminder/recipients.ts';
import { agency } from './fixtures.ts';

const person = (
  role: 'agency' | 'viewer' | 'admin',
  email: string | null,
  agencyId: string | null = null,
  active = true,
) => ({ role, email, agencyId, active });

describe('recipients', () => {
  it('sends to an agency’s own addresses and to its active people, each address once', () => {
    // Prepare
    const health = agency('so-y-te', { emails: ['VanThu@soyte.gov.vn'] });
    const people = [
      person('agency', 'vanthu@soyte.gov.vn', 'so-y-te'),
      person('agency', 'an@soyte.gov.vn', 'so-y-te'),
      person('agency', 'cu@soyte.gov.vn', 'so-y-te', false),
      person('agency', 'binh@soct.gov.vn', 'so-cong-thuong'),
      person('viewer', 'lanhdao@langson.gov.vn'),
    ];

    // Act and Assess
    expect(agencyAddresses(health, people)).toEqual(['VanThu@soyte.gov.vn', 'an@soyte.gov.vn']);
    expect(agencyAddresses(agency('so-tai-chinh'), people)).toEqual([]);
  });

  it('sends the digest to the leaders and the provincial office', () => {
    // Prepare
    const people = [
      person('viewer', 'lanhdao@langson.gov.vn'),
      person('viewer', null),
      person('admin', 'admin@langson.gov.vn'),
    ];

    // Act and Assess
    expect(leaderAddresses(people, agency('van-phong', { emails: ['vp@langson.gov.vn'] }))).toEqual(
      ['lanhdao@langson.gov.vn', 'vp@langson.gov.vn'],
    );
  });
});
