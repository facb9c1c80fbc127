-- Gives back one permit per counter, only when it was taken in the window that is still current.
-- KEYS: the count key of each counter.
-- ARGV: [1] clock offset, [2] ms elapsed since the acquire (measured by the caller), [3] counter count n,
--       then per counter: kind, period ms.
-- Returns the number of permits given back.
local acquired_at = now - tonumber(ARGV[2])
local n = tonumber(ARGV[3])
local released = 0

for i = 1, n do
  local key = KEYS[i]
  local a = 3 + (i - 1) * 2
  local kind, period = ARGV[a + 1], tonumber(ARGV[a + 2])
  if kind == 'r' then
    -- Remove the newest permit granted no later than the acquire: removing an older one instead could only
    -- keep a permit counted longer (never over-grant), removing a newer one could free it too early.
    if acquired_at > now - period then
      local newest = redis.call('ZREVRANGEBYSCORE', key, acquired_at, '(' .. (now - period), 'LIMIT', 0, 1)
      if newest[1] then
        redis.call('ZREM', key, newest[1])
        released = released + 1
      end
    end
  else
    local current = window_of(kind, period, now)
    local taken_in = window_of(kind, period, acquired_at)
    if taken_in == current and used_in(key, current) > 0 then
      redis.call('HINCRBY', key, 'n', -1)
      released = released + 1
    end
  end
end

return released
