/**
 * `npm run clinic -- rotate-key`: re-encrypts every encrypted value (clients' details and reasons,
 * intake answers and scores, staff TOTP secrets) under a new data key, in one transaction: all of
 * it or nothing. Stop the server first; start it again with the new key.
 *
 * - With KAP_DATA_KEY (a clinic): give the new key as KAP_NEW_DATA_KEY, having stored it where
 *   KAP_DATA_KEY is kept; then replace KAP_DATA_KEY with it.
 * - With development's key file: the new key is made and written to the file (the old one stays
 *   in the file until the transaction has committed, so a crash loses nothing).
 */
import { newDataKey, parseDataKeys, writeKeyFile, type DataKey } from '../encryption/data-keys.js';
import { openClinicDatabase } from './open-stores.js';

export async function rotateKeyCommand(env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const { stores, keys } = openClinicDatabase(env);
  try {
    const from = stores.dataKeyId;
    let to: DataKey;
    if (keys.from === 'environment') {
      if (!env.KAP_NEW_DATA_KEY) {
        throw new Error(
          "Set KAP_NEW_DATA_KEY to the new key (32 random bytes in base64: node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"), " +
            'having stored it where KAP_DATA_KEY is kept. Nothing was changed.',
        );
      }
      const given = parseDataKeys(env.KAP_NEW_DATA_KEY, 'KAP_NEW_DATA_KEY');
      if (given.ids.length !== 1) throw new Error('KAP_NEW_DATA_KEY holds one key.');
      to = given.first;
    } else {
      to = newDataKey();
      const current = keys.keyring.find(from)!;
      writeKeyFile(keys.path, [current, to]);
    }
    if (to.id === from) throw new Error('The new key is the key the database already uses. Nothing was changed.');
    const count = stores.rotateDataKey(to);
    if (keys.from === 'file') writeKeyFile(keys.path, [to]);
    print(`Re-encrypted ${count} values from key ${from} to key ${to.id}, in one transaction.`);
    print(keys.from === 'file' ? `The new key is in ${keys.path}.` : 'Now set KAP_DATA_KEY to the new key (KAP_NEW_DATA_KEY) and start the server.');
  } finally {
    await stores.close();
  }
}
