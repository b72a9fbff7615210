/**
 * Client data encrypted field by field: AES-256-GCM with a random 96-bit nonce, bound to where the
 * value lives (`context`, e.g. `bookings.client_email:bk_…`) as additional authenticated data, so
 * a value copied into another row or column does not decrypt. A sealed value is text:
 *
 *   kap1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>
 *
 * The key id names the key (data-keys.ts), which lets keys rotate and a wrong key fail clearly.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey, DataKeyring } from './data-keys.js';

const VERSION = 'kap1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A value cannot be opened: no key of that id, a damaged value, or one moved from elsewhere. */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

export class FieldCipher {
  /** Seals new values; `keyring` opens any value sealed under one of its keys. */
  constructor(
    readonly key: DataKey,
    readonly keyring: DataKeyring,
  ) {}

  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key.key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${this.key.id}.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  open(sealed: string, context: string): string {
    const [version, keyId, payload, ...rest] = sealed.split('.');
    if (version !== VERSION || !keyId || !payload || rest.length > 0) throw new DecryptionError(`A stored value (${context.split(':')[0]}) is not encrypted.`);
    const key = this.keyring.find(keyId);
    if (!key) throw new DecryptionError(`A stored value (${context.split(':')[0]}) is encrypted under key ${keyId}, which is not among the data keys given.`);
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError(`A stored value (${context.split(':')[0]}) is damaged.`);
    const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError(`A stored value (${context.split(':')[0]}) does not decrypt: it was changed, or moved from another record.`);
    }
  }

  sealOptional(plaintext: string | undefined | null, context: string): string | null {
    return plaintext === undefined || plaintext === null ? null : this.seal(plaintext, context);
  }

  openOptional(sealed: string | null, context: string): string | undefined {
    return sealed === null ? undefined : this.open(sealed, context);
  }

  /** The id of the key a sealed value names, without opening it. */
  static keyIdOf(sealed: string): string | undefined {
    const [version, keyId] = sealed.split('.');
    return version === VERSION ? keyId : undefined;
  }
}
