-- Blocks a counter until a time because the API server said its limit was reached.
-- KEYS: [1] where the block is kept: the count hash (field b) of a calendar-day or fixed counter, the block-marker
--       key of a rolling one.
-- ARGV: [1] clock offset, [2] block length ms, [3] '1' to end the block at the nearest UTC midnight of the server
--       clock (a calendar-day block computed on an instance whose clock is off by minutes), [4] '1' when KEYS[1] is a
--       count hash.
-- Returns the block end in force (ms), or -1 when the block had already ended.
local until_ms = now + tonumber(ARGV[2])
if ARGV[3] == '1' then until_ms = math.floor((until_ms + DAY_MS / 2) / DAY_MS) * DAY_MS end
if until_ms <= now then return -1 end

if ARGV[4] == '1' then
  local existing = tonumber(redis.call('HGET', KEYS[1], 'b'))
  if existing and existing >= until_ms then return existing end
  redis.call('HSET', KEYS[1], 'b', until_ms)
  -- The count may expire sooner (its window's end): the key now lives at least as long as the block.
  if redis.call('PTTL', KEYS[1]) < until_ms - now then redis.call('PEXPIRE', KEYS[1], until_ms - now) end
  return until_ms
end

local existing = tonumber(redis.call('GET', KEYS[1]))
if existing and existing >= until_ms then return existing end

redis.call('SET', KEYS[1], until_ms, 'PX', until_ms - now)
return until_ms
