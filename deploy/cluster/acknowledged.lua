-- The registration rush through the load balancer, keeping the id of every registration the application acknowledged
-- (201), one file per wrk thread, so that the chaos check can look for each of them in the database afterwards.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread:set("dir", dir)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  frame = args[1]
  run = args[2]
  out = io.open(args[3] .. "/acknowledged-" .. id .. ".txt", "w")
end

function request()
  counter = counter + 1
  local body = string.format('{"name":"Chaos %d-%d","email":"%s-%d-%d@example.com","frame":"%s"}',
    id, counter, run, id, counter, frame)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then
    local registration = string.match(body, '"id":(%d+)')
    if registration then
      out:write(registration .. "\n")
      out:flush()
    end
  end
end
