// Whether the bytes read so far from a connection hold a whole HTTP/1.1
// request: a worker is given a connection only once its request has arrived,
// so a client that sends slowly waits in the connection loop, not on a
// worker. Requests the loop cannot measure in advance (chunked bodies,
// "Expect: 100-continue", bodies larger than the loop buffers) are ready as
// soon as their head is, and are read by the worker as they arrive. Pure
// functions.
#pragma once

#include <cstddef>
#include <string_view>

namespace faqbot::server {

// True when `buffered` starts with a complete request as described above, or
// has reached `max_buffered` bytes without one (the HTTP layer then answers
// the oversized head itself).
bool RequestReady(std::string_view buffered, size_t max_buffered);

}  // namespace faqbot::server
