/**
 * @module The `account` record access the auth, session and reconnect tests sign users up with:
 * a record user has an email and a password, and may select only their own `user` record.
 */

/** The SurrealQL that defines the `account` access and the `user` table (test constants only). */
export function accountAccess(options: { refresh?: boolean; tokenDuration?: '1s' } = {}): string {
  const refresh = options.refresh ? ' WITH REFRESH' : '';
  const duration = options.tokenDuration ? ` DURATION FOR TOKEN ${options.tokenDuration}` : '';
  return `
    DEFINE ACCESS account ON DATABASE TYPE RECORD
      SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))
      SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))${refresh}${duration};
    DEFINE TABLE user SCHEMALESS PERMISSIONS FOR select WHERE id = $auth.id;
  `;
}
