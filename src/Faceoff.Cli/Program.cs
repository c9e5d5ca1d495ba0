return await Faceoff.Cli.FaceoffApp.RunAsync(args).ConfigureAwait(false);
