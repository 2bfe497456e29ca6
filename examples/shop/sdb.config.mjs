// The shop's sdb config: `sdb migrate`, `sdb status`... read it. SURREAL_URL (the demo sets it to
// the embedded server it starts), SURREAL_NAMESPACE, SURREAL_DATABASE, SURREAL_USER and
// SURREAL_PASS override it.
export default {
  url: 'ws://127.0.0.1:8000',
  namespace: 'shop',
  database: 'shop',
  auth: { username: 'root', password: 'root' },
  models: './src/models.mjs',
  migrations: './migrations',
};
