-- Shared start of every quota script. Time comes from the Redis server, never from the instances.
-- ARGV[1] is a clock offset in milliseconds: always 0 in production, set only by tests to reach midnight.
if redis.replicate_commands then redis.replicate_commands() end -- Redis 3.2-4.x: allow writes after TIME
local DAY_MS = 86400000
local clock = redis.call('TIME')
local now_us = tonumber(clock[1]) * 1000000 + tonumber(clock[2]) + tonumber(ARGV[1]) * 1000
local now = math.floor(now_us / 1000)

-- The window containing instant `at` (ms): its index and its end. Calendar days are UTC days of the server clock.
local function window_of(kind, period, at)
  local size = period
  if kind == 'd' then size = DAY_MS end
  local index = math.floor(at / size)
  return index, (index + 1) * size
end

-- Permits used in window `index` of a calendar-day or fixed counter (a hash {w = window index, n = used,
-- b = blocked until}).
local function used_in(key, index)
  local h = redis.call('HMGET', key, 'w', 'n')
  if tonumber(h[1]) == index then return tonumber(h[2]) or 0 end
  return 0
end

-- Milliseconds a count hash must live from now: until `expires_at`, or longer while its block lasts.
local function keep_for(expires_at, blocked_until)
  if blocked_until and blocked_until > expires_at then expires_at = blocked_until end
  return expires_at - now
end

-- Drops permits that left a rolling window (a sorted set scored by grant time) and counts the rest.
local function prune(key, period)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - period)
  return redis.call('ZCARD', key)
end

-- Adds `count` permits granted now to a rolling window, each as a unique member.
local function add_rolling(key, count)
  for j = 1, count do
    local member = string.format('%.0f', now_us) .. ':' .. j
    while redis.call('ZADD', key, 'NX', now, member) == 0 do member = member .. '+' end
  end
end
