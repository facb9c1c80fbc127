Console.WriteLine("ZoomMeetings sample: not built yet.");
