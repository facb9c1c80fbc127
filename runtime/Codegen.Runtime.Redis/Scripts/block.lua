-- Blocks a counter until a time because the API server said its limit was reached.
-- KEYS: [1] the block-marker key.
-- ARGV: [1] clock offset, [2] block length ms, [3] '1' to end the block at the nearest UTC midnight of the server
--       clock (a calendar-day block computed on an instance whose clock is off by minutes).
-- Returns the block end in force (ms), or -1 when the block had already ended.
local until_ms = now + tonumber(ARGV[2])
if ARGV[3] == '1' then until_ms = math.floor((until_ms + DAY_MS / 2) / DAY_MS) * DAY_MS end
if until_ms <= now then return -1 end

local existing = tonumber(redis.call('GET', KEYS[1]))
if existing and existing >= until_ms then return existing end

redis.call('SET', KEYS[1], until_ms, 'PX', until_ms - now)
return until_ms
