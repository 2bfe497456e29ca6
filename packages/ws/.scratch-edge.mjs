import { EdgeVM } from '@edge-runtime/vm';
const vm = new EdgeVM();
console.log(vm.evaluate('[typeof WebSocket, typeof process, typeof Buffer, typeof require, typeof performance, typeof atob, typeof crypto?.getRandomValues]'));
