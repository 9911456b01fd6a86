-- Every request registers a new person for the same frame: the registration rush of a popular event.
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  frame = args[1] or "一般枠"
  run = args[2] or "run"
end

function request()
  counter = counter + 1
  local body = string.format('{"name":"Rush %d-%d","email":"%s-%d-%d@example.com","frame":"%s"}',
    id, counter, run, id, counter, frame)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
