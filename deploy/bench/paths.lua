-- wrk script: round-robin over the request paths in the file named by PATHS, one per line, sent with the
-- API key from KEY. A line "path<TAB>etag" also sends If-None-Match (a poller holding the current page).
local lines, i = {}, 0
for line in io.lines(os.getenv("PATHS")) do
  local path, etag = line:match("^([^\t]+)\t?(.*)$")
  lines[#lines + 1] = { path = path, etag = etag }
end
local key = os.getenv("KEY")
request = function()
  i = i % #lines + 1
  local headers = { ["X-Api-Key"] = key }
  if lines[i].etag ~= "" then headers["If-None-Match"] = lines[i].etag end
  return wrk.format("GET", lines[i].path, headers)
end
