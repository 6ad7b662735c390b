// The SQL one booking runs in reservations (the lean path: see ReservationsService.create), written once and
// driven by the two baselines: pgbench (the database's ceiling) and a bare node:http + pg server (the runtime's).
// Named parameters (:name) become $n for pg and pgbench's own :variables for pgbench (-M extended).
//
// One one-night booking of a guest without e-mail, with an Idempotency-Key:
//   BEGIN · read property, room type and price · insert the guest · read it back · its outbox event + notify ·
//   hold the night · insert the reservation · its outbox event + notify · the key with its answer · COMMIT
// Outbox rows are written already published, so the running services' relays leave them alone.
const ENVELOPE = `json_build_object('id', gen_random_uuid(), 'type', 'bench', 'data', repeat('x', 600))`;

export const BOOKING_STATEMENTS = [
  { sql: 'BEGIN' },
  {
    sql: `SELECT p.currency, p.business_date::text, t.id, t.code, t.max_occupancy, t.base_rate_minor, rp.id, price.nightly_minor,
            overrides.list
       FROM property p
       LEFT JOIN room_type t ON t.id = :roomtype AND t.property_id = p.id
       LEFT JOIN LATERAL (SELECT id FROM rate_plan WHERE property_id = p.id AND is_default LIMIT 1) rp ON true
       LEFT JOIN rate_plan_price price ON price.rate_plan_id = rp.id AND price.room_type_id = t.id
       LEFT JOIN LATERAL (SELECT json_agg(o.date) AS list FROM rate_plan_override o
                           WHERE o.rate_plan_id = rp.id AND o.room_type_id = t.id AND o.date = ANY(ARRAY[:arrival::date])) overrides ON true
      WHERE p.id = :property`,
  },
  {
    sql: `INSERT INTO guest (scope, first_name, last_name, email, phone, language, vip_level)
          VALUES (:property, 'Alex', 'Bench', NULL, NULL, 'en', 'none') ON CONFLICT (scope, email) WHERE email IS NOT NULL DO NOTHING
          RETURNING id`,
    gset: 'guest_',
  },
  { sql: 'SELECT * FROM guest WHERE id = :guest_id' },
  {
    sql: `INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers, published_at)
          VALUES (gen_random_uuid(), 'bench.baseline', :property, 'guest.created', ${ENVELOPE}, '{}', now())`,
  },
  { sql: `SELECT pg_notify('frontoffice_bench_baseline', 'bench')` },
  {
    sql: `WITH capacity AS (
         SELECT d.date, greatest(0, type.rooms - (SELECT count(*) FROM room r WHERE r.room_type_id = :roomtype
                  AND r.out_of_order_from IS NOT NULL AND r.out_of_order_from <= d.date
                  AND (r.out_of_order_to IS NULL OR r.out_of_order_to >= d.date))) + type.allowance AS sellable
           FROM unnest(ARRAY[:arrival::date]) AS d(date),
                (SELECT (SELECT count(*) FROM room r WHERE r.room_type_id = :roomtype) AS rooms, t.overbooking_allowance AS allowance
                   FROM room_type t WHERE t.id = :roomtype AND t.property_id = :property) AS type)
       INSERT INTO inventory_night AS night (property_id, room_type_id, date, booked)
       SELECT :property, :roomtype, c.date, 1 FROM capacity c WHERE c.sellable >= 1 ORDER BY c.date
       ON CONFLICT (room_type_id, date) DO UPDATE SET booked = night.booked + 1, updated_at = now()
         WHERE night.booked + night.blocked < (SELECT c.sellable FROM capacity c WHERE c.date = night.date)
       RETURNING night.date::text`,
  },
  {
    sql: `INSERT INTO reservation (id, property_id, confirmation_number, status, room_type_id, arrival, departure, adults,
         children, guest_id, guest_first_name, guest_last_name, guest_email, guest_phone, guest_language,
         guest_vip_level, source, notes, currency, total_price_minor, nights, group_block_id, rate_plan_id, created_by)
       VALUES (gen_random_uuid(), :property, :key, 'confirmed', :roomtype, :arrival::date, :arrival::date + 1, 2, 0, :guest_id,
         'Alex', 'Bench', NULL, NULL, 'en', 'none', NULL, NULL, 'EUR', 12900,
         json_build_array(json_build_object('date', :arrival::text, 'amountMinor', 12900)), NULL, NULL, 'bench')`,
  },
  {
    sql: `INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers, published_at)
          VALUES (gen_random_uuid(), 'bench.baseline', :property, 'reservation.created', ${ENVELOPE}, '{}', now())`,
  },
  { sql: `SELECT pg_notify('frontoffice_bench_baseline', 'bench')` },
  {
    sql: `INSERT INTO idempotency_record (scope, idempotency_key, request_hash, status_code, response_body, completed_at)
          VALUES (:scope, :key, 'bench', 201, json_build_object('id', :key::text, 'x', repeat('x', 900)), now())
          ON CONFLICT DO NOTHING RETURNING 1`,
  },
  { sql: 'COMMIT' },
];

/** `sql` with :names turned into $1..$n, and the names in order. */
export function toPositional(sql) {
  const names = [];
  const text = sql.replace(/(?<!:):([a-z_]+)/g, (_, name) => {
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, names };
}

/** A pgbench script of the booking; variables set by pgbench: a random night and a unique key per transaction. */
export function pgbenchScript({ nights = 365 }) {
  const lines = [
    `\\set night random(1, ${nights})`,
    `\\set serial random(1, 1000000000000)`,
    `SELECT md5(:serial::text || clock_timestamp()::text) AS key, (:businessdate::date + :night::int)::text AS arrival \\gset`,
  ];
  for (const statement of BOOKING_STATEMENTS) {
    lines.push(`${statement.sql.replace(/\s+/g, ' ').trim()}${statement.gset ? ` \\gset ${statement.gset}` : ';'}`);
  }
  return `${lines.join('\n')}\n`;
}
