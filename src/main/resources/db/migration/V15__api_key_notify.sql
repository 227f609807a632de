-- Instances keep the API keys they verified in memory. A change that matters to a key (revoked,
-- another role or name, deleted) tells every instance which key to forget: pg_notify is delivered
-- when the changing transaction commits, never when it rolls back. The payload is the key's hash,
-- never its secret. Recording a use (last_used_at) changes nothing that a cached key holds.
create function api_key_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('claims_api_keys', old.secret_hash);
    return null;
end
$$;

create trigger api_key_changed after update on api_key for each row
    when (row(old.name, old.role, old.secret_hash, old.revoked_at)
          is distinct from row(new.name, new.role, new.secret_hash, new.revoked_at))
    execute function api_key_notify();

create trigger api_key_deleted after delete on api_key for each row execute function api_key_notify();
