-- Takes one permit from every counter, or none (all-or-nothing), in one atomic step.
-- KEYS: per counter i: KEYS[2i-1] the count key, KEYS[2i] the block-marker key.
-- ARGV: [1] clock offset, [2] expiry margin ms, [3] counter count n,
--       then per counter: kind ('d' UTC day, 'f' fixed, 'r' rolling), limit, period ms.
-- Returns {1, remaining permits of the first counter, now}
--      or {0, refusing counter index, reason (1 limit reached, 2 blocked), frees-up time or -1, now}.
local margin = tonumber(ARGV[2])
local n = tonumber(ARGV[3])
local taking = {}
local pending = {} -- permits this call takes per key, so a counter listed twice cannot overshoot
local first_remaining = 0

for i = 1, n do
  local count_key, block_key = KEYS[2 * i - 1], KEYS[2 * i]
  local a = 3 + (i - 1) * 3
  local kind, limit, period = ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])

  local blocked_until = tonumber(redis.call('GET', block_key))
  if blocked_until and blocked_until > now then return {0, i, 2, blocked_until, now} end

  local used, index, ends
  if kind == 'r' then
    used = prune(count_key, period)
  else
    index, ends = window_of(kind, period, now)
    used = used_in(count_key, index)
  end

  pending[count_key] = (pending[count_key] or 0) + 1
  if used + pending[count_key] > limit then
    local frees_at = ends
    if kind == 'r' then
      local oldest = redis.call('ZRANGE', count_key, 0, 0, 'WITHSCORES')
      if oldest[2] then frees_at = tonumber(oldest[2]) + period else frees_at = -1 end
    end
    return {0, i, 1, frees_at, now}
  end

  if i == 1 then first_remaining = limit - used - 1 end
  taking[i] = {count_key, kind, period, index, ends}
end

for i = 1, n do
  local key, kind, period, index, ends = taking[i][1], taking[i][2], taking[i][3], taking[i][4], taking[i][5]
  if kind == 'r' then
    add_rolling(key, 1)
    redis.call('PEXPIRE', key, period + margin)
  else
    if tonumber(redis.call('HGET', key, 'w')) ~= index then
      redis.call('HMSET', key, 'w', index, 'n', 0)
    end
    redis.call('HINCRBY', key, 'n', 1)
    redis.call('PEXPIRE', key, ends - now + margin)
  end
end

return {1, first_remaining, now}
