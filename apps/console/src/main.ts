import 'reflect-metadata';
import express from 'express';
import { join } from 'node:path';

// Serves the built single-page app; the backend-for-frontend (sign-in, API forwarding, live events) builds on this.
const app = express();
const web = join(__dirname, 'web');
app.use(express.static(web, { index: false }));
app.get(/^(?!\/(api|auth)\/).*/, (_request, response) => response.sendFile(join(web, 'index.html')));
app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
