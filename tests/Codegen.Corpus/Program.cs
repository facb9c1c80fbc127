Console.WriteLine("corpus runner: not built yet");
