-- Takes one permit from every counter, or none (all-or-nothing), in one atomic step.
-- KEYS: per counter i: KEYS[2i-1] the count key, KEYS[2i] the block-marker key (read for rolling windows only:
--       a calendar-day or fixed count is a hash {w = window index, n = used, b = blocked until} read with one HMGET).
-- ARGV: [1] clock offset, [2] expiry margin ms, [3] counter count n,
--       then per counter: kind ('d' UTC day, 'f' fixed, 'r' rolling), limit, period ms.
-- Returns {1, remaining permits of the first counter, now}
--      or {0, refusing counter index, reason (1 limit reached, 2 blocked), frees-up time or -1, now}.
-- A calendar-day or fixed count costs HMGET + HINCRBY; HMSET + PEXPIRE only when its window rolls over.
local margin = tonumber(ARGV[2])
local n = tonumber(ARGV[3])

-- One calendar-day or fixed counter (most calls): the same steps as the general loop below, without its tables.
if n == 1 and ARGV[4] ~= 'r' then
  local key, limit = KEYS[1], tonumber(ARGV[5])
  local index, ends = window_of(ARGV[4], tonumber(ARGV[6]), now)
  local h = redis.call('HMGET', key, 'w', 'n', 'b')
  local blocked_until = tonumber(h[3])
  if blocked_until and blocked_until > now then return {0, 1, 2, blocked_until, now} end
  if tonumber(h[1]) ~= index then
    if limit < 1 then return {0, 1, 1, ends, now} end
    redis.call('HMSET', key, 'w', index, 'n', 1)
    redis.call('PEXPIRE', key, keep_for(ends + margin, blocked_until))
    return {1, limit - 1, now}
  end
  local used = tonumber(h[2]) or 0
  if used + 1 > limit then return {0, 1, 1, ends, now} end
  redis.call('HINCRBY', key, 'n', 1)
  return {1, limit - used - 1, now}
end

local taking = {}
local pending = {} -- permits this call takes per key, so a counter listed twice cannot overshoot
local first_remaining = 0

for i = 1, n do
  local count_key = KEYS[2 * i - 1]
  local a = 3 + (i - 1) * 3
  local kind, limit, period = ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])

  local used, index, ends, blocked_until, rolls_over
  if kind == 'r' then
    blocked_until = tonumber(redis.call('GET', KEYS[2 * i]))
    if blocked_until and blocked_until > now then return {0, i, 2, blocked_until, now} end
    used = prune(count_key, period)
  else
    index, ends = window_of(kind, period, now)
    local h = redis.call('HMGET', count_key, 'w', 'n', 'b')
    blocked_until = tonumber(h[3])
    if blocked_until and blocked_until > now then return {0, i, 2, blocked_until, now} end
    rolls_over = tonumber(h[1]) ~= index
    if rolls_over then used = 0 else used = tonumber(h[2]) or 0 end
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
  taking[i] = {count_key, kind, period, index, ends, rolls_over, blocked_until}
end

local rolled = {} -- a counter listed twice starts its new window once
for i = 1, n do
  local key, kind, period, index, ends, rolls_over, blocked_until = unpack(taking[i])
  if kind == 'r' then
    add_rolling(key, 1)
    redis.call('PEXPIRE', key, period + margin)
  elseif rolls_over and not rolled[key] then
    rolled[key] = true
    redis.call('HMSET', key, 'w', index, 'n', 1)
    redis.call('PEXPIRE', key, keep_for(ends + margin, blocked_until))
  else
    redis.call('HINCRBY', key, 'n', 1)
  end
end

return {1, first_remaining, now}
