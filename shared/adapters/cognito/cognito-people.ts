/**
 * The people page on AWS: Cognito users. A person is created with a generated password
 * shown once to the administrator (as a personal token is locally), set permanent, so the
 * first sign-in needs no challenge; the role and agency are groups (person-groups.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  GroupExistsException,
  ListUsersCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { agencyGroup, groupsOf, roleOfGroups } from '#shared/domain/access/person-groups.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { emailAddressSchema } from '#shared/domain/reminder/contacts.ts';
import type {
  NewPerson,
  PeopleDirectory,
  PersonAccount,
} from '#shared/use-cases/web/session-ports.ts';

/** Letters, digits and the symbols the pool's password policy asks for, 24 of them. */
export function generatedPassword(): string {
  return `${randomBytes(18).toString('base64url')}aA1!`;
}

export class CognitoPeople implements PeopleDirectory {
  readonly kind = 'cognito';

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async list(): Promise<PersonAccount[]> {
    const users: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListUsersCommand({ UserPoolId: this.userPoolId, PaginationToken: token }),
      );
      users.push(...(page.Users ?? []));
      token = page.PaginationToken;
    } while (token);
    return Promise.all(users.map((user) => this.accountOf(user)));
  }

  private async accountOf(user: UserType): Promise<PersonAccount> {
    const login = user.Username ?? '';
    const { Groups } = await this.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: login }),
    );
    const membership = roleOfGroups((Groups ?? []).map((group) => group.GroupName ?? ''));
    const attribute = (wanted: string) =>
      user.Attributes?.find((each) => each.Name === wanted)?.Value;
    const name = attribute('name');
    return {
      login,
      person: name ?? login,
      role: membership?.role ?? 'viewer',
      agencyId: membership?.agencyId ?? null,
      active: (user.Enabled ?? false) && membership !== null,
      createdAt: user.UserCreateDate?.toISOString() ?? null,
      email: attribute('email') ?? null,
    };
  }

  async add(person: NewPerson): Promise<{ login: string; secret: string }> {
    const login = person.login?.trim();
    if (!login || !/^[a-z0-9._-]{3,64}$/.test(login)) {
      throw new ValidationError('Tên đăng nhập không hợp lệ.', [
        { field: 'login', reason: 'từ 3 đến 64 ký tự: chữ thường không dấu, số, . _ -' },
      ]);
    }
    const email = person.email ? emailAddressSchema.safeParse(person.email) : null;
    if (email && !email.success) {
      throw new ValidationError('Địa chỉ thư điện tử không hợp lệ.', [
        { field: 'email', reason: email.error.issues[0]?.message ?? 'không hợp lệ' },
      ]);
    }
    const secret = generatedPassword();
    await this.client.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: login,
        UserAttributes: [
          { Name: 'name', Value: person.person },
          // Set by an administrator, not proven by the person: marked verified so that
          // Cognito sends nothing to it; the platform's reminders use it as given.
          ...(email?.data
            ? [
                { Name: 'email', Value: email.data },
                { Name: 'email_verified', Value: 'true' },
              ]
            : []),
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    await this.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: this.userPoolId,
        Username: login,
        Password: secret,
        Permanent: true,
      }),
    );
    if (person.role === 'agency' && person.agencyId) {
      await this.ensureGroup(agencyGroup(person.agencyId));
    }
    for (const group of groupsOf(person.role, person.agencyId)) {
      await this.client.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: this.userPoolId,
          Username: login,
          GroupName: group,
        }),
      );
    }
    return { login, secret };
  }

  private async ensureGroup(name: string): Promise<void> {
    try {
      await this.client.send(
        new CreateGroupCommand({ UserPoolId: this.userPoolId, GroupName: name }),
      );
    } catch (error) {
      if (!(error instanceof GroupExistsException)) throw error;
    }
  }

  async disable(login: string): Promise<boolean> {
    try {
      await this.client.send(
        new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: login }),
      );
      return true;
    } catch (error) {
      if (error instanceof UserNotFoundException) return false;
      throw error;
    }
  }
}
