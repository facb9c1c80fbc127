-- Reads a counter without taking a permit. Writes nothing.
-- KEYS: [1] the count key, [2] the block-marker key (rolling windows; a calendar-day or fixed count keeps its block
--       in field b of the count hash).
-- ARGV: [1] clock offset, [2] kind, [3] period ms.
-- Returns {used, window end (ms), blocked until (ms) or -1, now}.
local kind, period = ARGV[2], tonumber(ARGV[3])
local used, ends, blocked

if kind == 'r' then
  local from = '(' .. (now - period)
  used = redis.call('ZCOUNT', KEYS[1], from, '+inf')
  local oldest = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
  if oldest[2] then ends = tonumber(oldest[2]) + period else ends = now end
  blocked = tonumber(redis.call('GET', KEYS[2]))
else
  local index
  index, ends = window_of(kind, period, now)
  local h = redis.call('HMGET', KEYS[1], 'w', 'n', 'b')
  used = 0
  if tonumber(h[1]) == index then used = tonumber(h[2]) or 0 end
  blocked = tonumber(h[3])
end

if not blocked or blocked <= now then blocked = -1 end
return {used, ends, blocked, now}
