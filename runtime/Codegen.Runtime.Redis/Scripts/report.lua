-- Raises the count to what the API server reported as used (limit - remaining), never lowers it.
-- KEYS: [1] the count key.
-- ARGV: [1] clock offset, [2] expiry margin ms, [3] kind, [4] limit, [5] period ms, [6] remaining reported.
-- Returns the count in force.
local margin = tonumber(ARGV[2])
local kind, limit, period = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local target = limit - tonumber(ARGV[6])
if target > limit then target = limit end
local key = KEYS[1]

if kind == 'r' then
  local used = prune(key, period)
  if used >= target then return used end
  add_rolling(key, target - used)
  redis.call('PEXPIRE', key, period + margin)
  return target
end

local index, ends = window_of(kind, period, now)
local h = redis.call('HMGET', key, 'w', 'n', 'b')
local used = 0
if tonumber(h[1]) == index then used = tonumber(h[2]) or 0 end
if used >= target then return used end
redis.call('HMSET', key, 'w', index, 'n', target)
redis.call('PEXPIRE', key, keep_for(ends + margin, tonumber(h[3])))
return target
