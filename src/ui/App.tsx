export function App() {
  return <h1>Loupe</h1>;
}
