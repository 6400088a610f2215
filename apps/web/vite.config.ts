import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev, the API and the sandbox come from the Junction server (npm start).
const server = process.env['JUNCTION_SERVER'] ?? 'http://127.0.0.1:4400';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': server, '/sandbox': server } },
  build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
});
