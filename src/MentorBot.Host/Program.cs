Console.WriteLine("MentorBot host: under construction");
