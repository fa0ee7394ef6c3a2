/**
 * The seed lock: one item (`seedLockKey`) written with a conditional PutItem, so two seeds of one table never
 * write at the same time (two checkouts deploying to one table, a retry overlapping a rollback). The holder
 * has a lease; a seed that was killed leaves its item behind, and the next seed takes it over once the lease
 * has run out.
 *
 * The lease is renewed before every write call, and a write call fails within `worstCaseCallMs('seed')`
 * (./client.ts), well inside the lease: so a seed writes only while it holds a live lease, and a seed that
 * lost it (paused past its lease, then taken over) stops at its next renewal instead of writing over the
 * newer seed. Lease times come from the clocks of the machines that seed (Lambda's are NTP-synchronised).
 */
import { ConditionalCheckFailedException, DeleteItemCommand, GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { worstCaseCallMs, type DynamoDBClient } from './client.ts';
import { seedLockKey } from './keys.ts';
import { tableCallFailed } from './table.ts';

export interface SeedLockOptions {
  /** How long a lease lasts without renewal. */
  readonly leaseMs: number;
  /** How long a seed waits for a live lease held by another seed before it fails. */
  readonly waitMs: number;
  /** Mean pause between attempts while waiting (each pause is 0.5 to 1.5 times this). */
  readonly pollMs: number;
  /** Called once, when this seed first finds the lock held by another. */
  readonly onWait?: (holder: SeedLockHolder) => void;
}

/**
 * - lease: twice a write call's worst case (25 s), so a renewed lease always outlives the call after it;
 *   a killed seed blocks the next one for at most a minute.
 * - wait: two minutes, as long as a seed of today's data takes many times over, and with the seed's own
 *   run still inside its 5-minute function timeout (infra/constructs/seed.ts) and CloudFormation's 6.
 */
export const seedLockDefaults: SeedLockOptions = { leaseMs: 60_000, waitMs: 120_000, pollMs: 1_000 };

export interface SeedLockHolder {
  readonly owner: string;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly leaseUntil: number;
}

export interface SeedLease {
  readonly owner: string;
  /** The holder whose expired lease this seed took over (a seed that was killed), if any. */
  readonly tookOverFrom?: SeedLockHolder;
  /** Extends the lease; throws SeedLockError if another seed has taken the lock over. */
  renew(): Promise<void>;
  /** Deletes the lock item if this seed still holds it. */
  release(): Promise<void>;
}

export class SeedLockError extends Error {
  override name = 'SeedLockError';
}

const holderName = '#holder';

export async function acquireSeedLock(
  client: DynamoDBClient,
  tableName: string,
  options: SeedLockOptions = seedLockDefaults,
): Promise<SeedLease> {
  if (options.leaseMs <= worstCaseCallMs('seed')) {
    throw new Error(`The seed lock's lease (${options.leaseMs} ms) must outlast one write call (${worstCaseCallMs('seed')} ms)`);
  }
  const owner = randomUUID();
  const startedAt = Date.now();
  const deadline = startedAt + options.waitMs;
  let waited = false;

  for (;;) {
    const now = Date.now();
    try {
      const output = await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: lockItem(owner, startedAt, now + options.leaseMs),
          ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :now',
          ExpressionAttributeValues: { ':now': { N: String(now) } },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const previous = output.Attributes === undefined ? undefined : holderOf(output.Attributes);
      return lease(client, tableName, owner, startedAt, options.leaseMs, previous);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw tableCallFailed('PutItem (seed lock)', tableName, error);
    }

    const holder = await currentHolder(client, tableName);
    if (holder === undefined) continue; // released between our two calls
    if (!waited) options.onWait?.(holder);
    waited = true;
    if (Date.now() >= deadline) {
      throw new SeedLockError(
        `Another seed (${holder.owner}, started ${iso(holder.startedAt)}) holds the lock on table ${tableName} ` +
          `until ${iso(holder.leaseUntil)}; this seed gave up after waiting ${options.waitMs / 1000} s ` +
          'and wrote nothing. Run the deploy again once the other one has finished.',
      );
    }
    // Not past the holder's lease (it may be renewed) nor past our deadline.
    const pause = options.pollMs * (0.5 + Math.random());
    await sleep(Math.max(1, Math.min(pause, deadline - Date.now(), holder.leaseUntil - Date.now() + 1)));
  }
}

function lease(
  client: DynamoDBClient,
  tableName: string,
  owner: string,
  startedAt: number,
  leaseMs: number,
  tookOverFrom: SeedLockHolder | undefined,
): SeedLease {
  const ifStillMine = {
    ConditionExpression: `${holderName} = :owner`,
    ExpressionAttributeNames: { [holderName]: 'owner' },
    ExpressionAttributeValues: { ':owner': { S: owner } },
  };
  return {
    owner,
    ...(tookOverFrom === undefined ? {} : { tookOverFrom }),
    async renew() {
      try {
        await client.send(
          new PutItemCommand({ TableName: tableName, Item: lockItem(owner, startedAt, Date.now() + leaseMs), ...ifStillMine }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw tableCallFailed('PutItem (seed lock)', tableName, error);
        throw new SeedLockError(
          `This seed's lease on table ${tableName} ran out and another seed took the lock over; this seed stopped ` +
            'before its next write and left the table to the other one.',
        );
      }
    },
    async release() {
      try {
        await client.send(new DeleteItemCommand({ TableName: tableName, Key: keyAttributes(), ...ifStillMine }));
      } catch (error) {
        // Taken over after our last write: the lock is the other seed's to release.
        if (!(error instanceof ConditionalCheckFailedException)) throw tableCallFailed('DeleteItem (seed lock)', tableName, error);
      }
    },
  };
}

async function currentHolder(client: DynamoDBClient, tableName: string): Promise<SeedLockHolder | undefined> {
  try {
    const output = await client.send(new GetItemCommand({ TableName: tableName, Key: keyAttributes(), ConsistentRead: true }));
    return output.Item === undefined ? undefined : holderOf(output.Item);
  } catch (error) {
    throw tableCallFailed('GetItem (seed lock)', tableName, error);
  }
}

const keyAttributes = (): Record<string, AttributeValue> => ({ pk: { S: seedLockKey.pk }, sk: { S: seedLockKey.sk } });

function lockItem(owner: string, startedAt: number, leaseUntil: number): Record<string, AttributeValue> {
  return {
    ...keyAttributes(),
    owner: { S: owner },
    startedAt: { N: String(startedAt) },
    leaseUntil: { N: String(leaseUntil) },
  };
}

function holderOf(item: Record<string, AttributeValue>): SeedLockHolder {
  return {
    owner: item.owner?.S ?? 'unknown',
    startedAt: Number(item.startedAt?.N ?? 0),
    leaseUntil: Number(item.leaseUntil?.N ?? 0),
  };
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
